// Reading Tiled JSON maps (.tmj) and tilesets (.tsj). Only what moim uses is read; anything we
// cannot honour (compressed layers, infinite maps, XML tilesets) is an error rather than a map
// that silently loads wrong.
#include "tiled_json.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

namespace moim::world::detail {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const json& require(const json& owner, const char* key, const fs::path& file, const char* where) {
  auto it = owner.find(key);
  if (it == owner.end()) fail(file, std::string(where) + ": missing \"" + key + "\"");
  return *it;
}

double require_number(const json& owner, const char* key, const fs::path& file, const char* where) {
  const json& value = require(owner, key, file, where);
  if (!value.is_number()) fail(file, std::string(where) + ": \"" + key + "\" is not a number");
  return value.get<double>();
}

std::string string_or(const json& owner, const char* key, std::string fallback = {}) {
  auto it = owner.find(key);
  return it != owner.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::string property_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  return value.dump();
}

// Pixels to the tiles a span covers. Tiled writes snapped positions as floats such as 95.9999,
// so a small tolerance keeps a snapped rectangle from growing by a tile.
std::pair<int, int> tile_span(double start, double length, int tile_size) {
  constexpr double tolerance = 0.01;
  const int first = static_cast<int>(std::floor(start / tile_size + tolerance));
  int last = static_cast<int>(std::ceil((start + length) / tile_size - tolerance));
  if (last <= first) last = first + 1;  // point objects and slivers cover one tile
  return {first, last - first};
}

LoadedTileset parse_tileset_body(const json& body, std::uint32_t first_gid,
                                 const fs::path& tileset_file) {
  const char* where = "tileset";
  LoadedTileset out;
  Tileset& info = out.info;
  info.first_gid = first_gid;
  info.name = string_or(body, "name");
  info.tile_width = require_int(body, "tilewidth", tileset_file, where);
  info.tile_height = require_int(body, "tileheight", tileset_file, where);
  info.tile_count = require_int(body, "tilecount", tileset_file, where);
  info.columns = body.value("columns", 1);
  info.image_width = body.value("imagewidth", 0);
  info.image_height = body.value("imageheight", 0);
  if (const auto image = string_or(body, "image"); !image.empty()) {
    info.image = fs::absolute(tileset_file.parent_path() / image).lexically_normal();
  }
  if (info.tile_count < 0) fail(tileset_file, "tileset: negative tilecount");
  out.collides.assign(static_cast<std::size_t>(info.tile_count), false);
  for (const auto& tile : array_at(body, "tiles")) {
    const int id = require_int(tile, "id", tileset_file, "tileset tile");
    if (id < 0 || id >= info.tile_count) {
      fail(tileset_file, "tileset tile id " + std::to_string(id) + " is outside tilecount");
    }
    const auto props = parse_properties(tile);
    auto it = props.find("collides");
    out.collides[static_cast<std::size_t>(id)] = it != props.end() && it->second == "true";
  }
  return out;
}

}  // namespace

int require_int(const json& owner, const char* key, const fs::path& file, const char* where) {
  const json& value = require(owner, key, file, where);
  if (!value.is_number_integer()) {
    fail(file, std::string(where) + ": \"" + key + "\" is not an integer");
  }
  return value.get<int>();
}

const json& array_at(const json& owner, const char* key) {
  static const json empty = json::array();
  auto it = owner.find(key);
  return it != owner.end() && it->is_array() ? *it : empty;
}

void fail(const fs::path& file, const std::string& problem) {
  throw MapError(file.string() + ": " + problem);
}

json read_json_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) fail(file, "cannot open file");
  std::ostringstream text;
  text << in.rdbuf();
  json parsed = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) fail(file, "not valid JSON");
  if (!parsed.is_object()) fail(file, "top level is not a JSON object");
  return parsed;
}

std::map<std::string, std::string> parse_properties(const json& owner) {
  std::map<std::string, std::string> out;
  auto it = owner.find("properties");
  if (it == owner.end() || !it->is_array()) return out;
  for (const auto& prop : *it) {
    if (!prop.is_object() || !prop.contains("name") || !prop.contains("value")) continue;
    out[prop["name"].get<std::string>()] = property_text(prop["value"]);
  }
  return out;
}

LoadedTileset load_tileset(const json& entry, const fs::path& map_file) {
  const int first_gid = require_int(entry, "firstgid", map_file, "tileset");
  if (first_gid < 1) fail(map_file, "tileset firstgid must be at least 1");
  const auto gid = static_cast<std::uint32_t>(first_gid);
  const std::string source = string_or(entry, "source");
  if (source.empty()) return parse_tileset_body(entry, gid, map_file);

  const fs::path tileset_file = (map_file.parent_path() / source).lexically_normal();
  if (tileset_file.extension() == ".tsx") {
    fail(map_file, "tileset " + source + " is XML; export it from Tiled as JSON (.tsj)");
  }
  if (!fs::exists(tileset_file)) fail(map_file, "tileset not found: " + tileset_file.string());
  return parse_tileset_body(read_json_file(tileset_file), gid, tileset_file);
}

TileLayer parse_tile_layer(const json& layer, int width, int height, const fs::path& file) {
  TileLayer out;
  out.name = string_or(layer, "name");
  out.visible = layer.value("visible", true);
  out.opacity = layer.value("opacity", 1.0f);
  const std::string where = "layer \"" + out.name + "\"";
  if (layer.contains("encoding") && layer["encoding"] != "csv") {
    fail(file, where + " is encoded; set the map's tile layer format to CSV in Tiled");
  }
  const json& data = require(layer, "data", file, where.c_str());
  const auto expected = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
  if (!data.is_array() || data.size() != expected) {
    fail(file, where + " has " + std::to_string(data.is_array() ? data.size() : 0) +
                   " tiles, expected " + std::to_string(expected));
  }
  out.gids.reserve(expected);
  for (const auto& value : data) {
    if (!value.is_number_integer() || value.get<std::int64_t>() < 0) {
      fail(file, where + " has a tile that is not a gid");
    }
    out.gids.push_back(clear_flags(value.get<std::uint32_t>()));
  }
  return out;
}

std::optional<Zone> parse_zone(const json& object, int tile_width, int tile_height,
                               const fs::path& file) {
  std::string kind_name = string_or(object, "class");
  if (kind_name.empty()) kind_name = string_or(object, "type");
  if (kind_name.empty()) return std::nullopt;
  Zone zone;
  zone.id = object.value("id", 0);
  zone.name = string_or(object, "name");
  const std::string where = "zone object " + std::to_string(zone.id) + " \"" + zone.name + "\"";
  const auto kind = zone_kind_from_name(kind_name);
  if (!kind) fail(file, where + " has unknown class \"" + kind_name + "\"");
  if (object.contains("polygon") || object.contains("polyline")) {
    fail(file, where + " must be a rectangle");
  }
  zone.kind = *kind;
  const auto [x, w] = tile_span(require_number(object, "x", file, where.c_str()),
                                object.value("width", 0.0), tile_width);
  const auto [y, h] = tile_span(require_number(object, "y", file, where.c_str()),
                                object.value("height", 0.0), tile_height);
  zone.area = {x, y, w, h};
  zone.properties = parse_properties(object);
  if (auto it = zone.properties.find("target_room"); it != zone.properties.end()) {
    zone.target_room = it->second;
  }
  if (auto it = zone.properties.find("target_spawn"); it != zone.properties.end()) {
    zone.target_spawn = it->second;
  }
  return zone;
}

}  // namespace moim::world::detail
