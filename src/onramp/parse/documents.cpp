#include "onramp/parse/documents.hpp"

#include "onramp/util/jsonc.hpp"

namespace onramp::parse {

TomlDocument parse_toml(std::string_view text, std::string_view source) {
  TomlDocument out;
  auto parsed = toml::parse(text, source);
  if (parsed) out.table = std::move(parsed).table();
  else out.error = parsed.error();
  return out;
}

YamlDocument parse_yaml(std::string_view text) {
  YamlDocument out;
  try {
    out.root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    out.root = YAML::Node();
    out.error = DocumentError{e.mark.is_null() ? 0U : static_cast<std::uint32_t>(e.mark.line + 1),
                              e.mark.is_null() ? 0U : static_cast<std::uint32_t>(e.mark.column + 1), e.msg};
  } catch (const std::exception& e) {
    out.root = YAML::Node();
    out.error = DocumentError{0, 0, e.what(), false};
  }
  return out;
}

JsonDocument parse_jsonc(std::string_view text) {
  return {nlohmann::ordered_json::parse(util::strip_jsonc(text), nullptr, /*allow_exceptions=*/false)};
}

}  // namespace onramp::parse
