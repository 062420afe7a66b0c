#include <SDL_image.h>

#include <iostream>

#include "context.hpp"

namespace moim::client::app {

SDL_Texture* Textures::get(const std::filesystem::path& file) {
  auto it = textures_.find(file);
  if (it != textures_.end()) return it->second.get();
  TexturePtr texture(IMG_LoadTexture(renderer_, file.c_str()));
  if (!texture) std::cerr << "moim-client: cannot load " << file << ": " << IMG_GetError() << '\n';
  if (texture) SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
  // A failed load is remembered as nullptr so it is reported once, not every frame.
  return textures_.emplace(file, std::move(texture)).first->second.get();
}

}  // namespace moim::client::app
