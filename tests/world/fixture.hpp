#pragma once
// Small Tiled JSON documents written to a per-test temporary directory, so loader tests state
// exactly the file they feed in. Maps are 4×3 tiles of 32 px unless a test says otherwise.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace moim::world::test {

class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            (std::string("moim_world_") + info->test_suite_name() + "_" + info->name());
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::filesystem::path write(const std::string& name, const std::string& text) const {
    const auto file = path_ / name;
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// An embedded 4-tile tileset; tile id 1 (gid 2) has collides=true.
inline std::string embedded_tileset() {
  return R"({"firstgid":1,"name":"t","image":"t.png","imagewidth":64,"imageheight":64,
    "tilewidth":32,"tileheight":32,"columns":2,"tilecount":4,
    "tiles":[{"id":1,"properties":[{"name":"collides","type":"bool","value":true}]}]})";
}

inline std::string tile_layer(const std::string& name, const std::string& data) {
  return R"({"id":1,"name":")" + name + R"(","type":"tilelayer","visible":true,"opacity":1,
    "x":0,"y":0,"width":4,"height":3,"data":[)" +
         data + "]}";
}

inline std::string zone_object(int id, const std::string& cls, const std::string& name,
                               const std::string& rect, const std::string& extra = "") {
  return "{\"id\":" + std::to_string(id) + R"(,"name":")" + name + R"(","class":")" + cls + "\"," +
         rect + extra + "}";
}

inline std::string zones_layer(const std::string& objects) {
  return R"({"id":9,"name":"zones","type":"objectgroup","objects":[)" + objects + "]}";
}

inline std::string default_spawn() {
  return zone_object(1, "spawn", "main", R"("x":0,"y":0,"width":32,"height":32)");
}

inline std::string map_json(const std::string& tilesets, const std::string& layers,
                            const std::string& extra = "") {
  return R"({"type":"map","width":4,"height":3,"tilewidth":32,"tileheight":32,
    "orientation":"orthogonal","infinite":false,"tilesets":[)" +
         tilesets + R"(],"layers":[)" + layers + "]" + extra + "}";
}

// A valid map: floor all gid 1, no collision, one spawn at (0,0).
inline std::string plain_map() {
  return map_json(embedded_tileset(), tile_layer("floor", "1,1,1,1, 1,1,1,1, 1,1,1,1") + "," +
                                          zones_layer(default_spawn()));
}

}  // namespace moim::world::test
