// MapSet: every room map of a directory, with the portals between them checked at start-up so a
// typo in a target never strands someone at run time.
#include <algorithm>

#include "moim/world/map.hpp"

namespace moim::world {
namespace fs = std::filesystem;

namespace {

void validate_portals(const MapSet& set, const Map& map) {
  for (const auto& zone : map.zones()) {
    if (zone.kind != ZoneKind::portal) continue;
    const std::string where = map.id() + ": portal \"" + zone.name + "\"";
    const Map* target = set.find(zone.target_room);
    if (target == nullptr) {
      throw MapError(where + " leads to unknown room \"" + zone.target_room + "\"");
    }
    if (target->find_zone(ZoneKind::spawn, zone.target_spawn) == nullptr) {
      throw MapError(where + " leads to unknown spawn \"" + zone.target_spawn + "\" in " +
                     zone.target_room);
    }
  }
}

}  // namespace

MapSet MapSet::load_dir(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw MapError(dir.string() + ": not a directory");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".tmj") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());  // deterministic order for error messages
  if (files.empty()) throw MapError(dir.string() + ": no .tmj maps");
  MapSet set;
  for (const auto& file : files) set.add(Map::load(file));
  for (const auto& [id, map] : set.maps_) validate_portals(set, *map);
  return set;
}

void MapSet::add(Map map) {
  const std::string id = map.id();
  if (maps_.contains(id)) throw MapError("two maps share the id \"" + id + "\"");
  maps_.emplace(id, std::make_shared<const Map>(std::move(map)));
}

std::shared_ptr<const Map> MapSet::share(std::string_view id) const {
  auto it = maps_.find(id);
  return it == maps_.end() ? nullptr : it->second;
}

const Map* MapSet::find(std::string_view id) const {
  auto it = maps_.find(id);
  return it == maps_.end() ? nullptr : it->second.get();
}

std::vector<std::string> MapSet::ids() const {
  std::vector<std::string> out;
  out.reserve(maps_.size());
  for (const auto& [id, map] : maps_) out.push_back(id);
  return out;
}

}  // namespace moim::world
