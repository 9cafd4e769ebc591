// Tool configuration: TOML (pyproject.toml, .onramp.toml with the project's own schema), INI (setup.cfg, tox.ini,
// .flake8, mypy.ini, alembic.ini) and JSON with comments (devcontainer.json, launch.json).
#include <vector>

#include "fuzz_support.hpp"
#include "onramp/core/config_file.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/parse/documents.hpp"
#include "onramp/parse/ini.hpp"
#include "onramp/parse/manifests.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto rules = onramp::core::RuleSet::load_embedded();
  const auto text = onramp::fuzz::as_text(data, size);
  (void)onramp::parse::parse_toml(text, "pyproject.toml");
  (void)onramp::parse::read_ini(text);
  (void)onramp::parse::parse_jsonc(text);
  std::vector<onramp::core::Problem> problems;
  (void)onramp::parse::read_pyproject_file(text, "pyproject.toml", problems);
  (void)onramp::parse::read_lockfile(text, "poetry.lock", problems);
  if (rules) {
    (void)onramp::core::parse_config(text, "pyproject.toml", true, *rules);
    (void)onramp::core::parse_config(text, ".onramp.toml", false, *rules);
  }
  return 0;
}
