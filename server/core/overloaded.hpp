#pragma once
// Overloaded{lambda...}: one visitor from several lambdas, for std::visit over a request variant.

namespace moim {

template <typename... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <typename... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

}  // namespace moim
