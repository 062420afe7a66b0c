#pragma once
// Pieces of the Tiled JSON reader (tiled_json.cpp), split out so Map::load stays a short list of
// steps. Everything here throws MapError naming the file; nothing here is used after start-up.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "moim/world/map.hpp"

namespace moim::world::detail {

// Tiled stores flip/rotation flags in the top four bits of a gid.
constexpr std::uint32_t gid_flag_mask = 0xF0000000u;
constexpr std::uint32_t clear_flags(std::uint32_t gid) {
  return gid & ~gid_flag_mask;
}

// A tileset plus what moim needs from its per-tile properties.
struct LoadedTileset {
  Tileset info;
  std::vector<bool> collides;  // by local tile id, tile_count long
};

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& problem);

int require_int(const nlohmann::json& owner, const char* key, const std::filesystem::path& file,
                const char* where);

// owner[key] when it is an array, else a shared empty array; a reference, so pointers into the
// document stay valid (json::value() would return a copy).
const nlohmann::json& array_at(const nlohmann::json& owner, const char* key);

nlohmann::json read_json_file(const std::filesystem::path& file);

// `entry` is one element of the map's "tilesets" array: external ({firstgid, source}) or embedded.
LoadedTileset load_tileset(const nlohmann::json& entry, const std::filesystem::path& map_file);

TileLayer parse_tile_layer(const nlohmann::json& layer, int width, int height,
                           const std::filesystem::path& file);

// A zone from one object of the "zones" layer; nullopt for objects without a zone class, which
// organisers may use for notes.
std::optional<Zone> parse_zone(const nlohmann::json& object, int tile_width, int tile_height,
                               const std::filesystem::path& file);

// Tiled custom properties ([{name, type, value}]) as text.
std::map<std::string, std::string> parse_properties(const nlohmann::json& owner);

}  // namespace moim::world::detail
