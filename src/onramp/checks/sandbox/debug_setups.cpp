#include "onramp/checks/sandbox/debug_setups.hpp"
#include "onramp/model/manifests.hpp"

#include "onramp/model/inputs.hpp"
#include "onramp/parse/documents.hpp"

#include <algorithm>
#include <array>

#include "onramp/parse/manifests.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::sandbox {

namespace {

using json = nlohmann::ordered_json;

constexpr std::array<std::string_view, 11> kDebuggerPackages = {
    "debugpy", "ipdb", "pdbpp", "pdbr", "pudb", "ptvsd", "remote-pdb", "web-pdb", "wdb", "birdseye", "pydevd-pycharm"};

json launch_configurations(const model::Project& project) {
  json out = json::array();
  for (const auto* f : project.files_of(core::FileKind::ide)) {
    if (f->path.size() < 11 || f->path.substr(f->path.size() - 11) != "launch.json") continue;
    const auto* parsed = project.inputs().json(f->path);
    if (parsed == nullptr) continue;
    const auto& doc = parsed->value;
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("configurations") ||
        !doc["configurations"].is_array()) {
      out.push_back({{"file", f->path}, {"error", "not valid JSON with a `configurations` list"}});
      continue;
    }
    for (const auto& cfg : doc["configurations"]) {
      if (!cfg.is_object()) continue;
      json row = {{"file", f->path}};
      for (const char* key : {"name", "type", "request", "module", "program"}) {
        if (cfg.contains(key) && cfg[key].is_string()) row[key] = cfg[key];
      }
      out.push_back(std::move(row));
    }
  }
  return out;
}

std::string breakpoint_meaning(std::string_view value) {
  if (value == "0") return "breakpoint() is disabled";
  if (value.empty()) return "breakpoint() opens pdb";
  return "breakpoint() calls " + std::string(value);
}

json breakpoint_settings(const model::Project& project) {
  json out = json::array();
  for (const auto& f : project.files) {
    if (f.kind != core::FileKind::env && f.kind != core::FileKind::compose && f.kind != core::FileKind::dockerfile)
      continue;
    const auto text = project.inputs().text(f.path);
    if (!text || text->find("PYTHONBREAKPOINT") == std::string::npos) continue;
    std::uint32_t line_no = 0;
    for (auto line : util::split(*text, '\n')) {
      ++line_no;
      const auto pos = line.find("PYTHONBREAKPOINT");
      if (pos == std::string_view::npos || util::trim(line).substr(0, 1) == "#") continue;
      auto rest = util::trim(line.substr(pos + 16));
      if (!rest.empty() && (rest[0] == '=' || rest[0] == ':')) rest = util::trim(rest.substr(1));
      if (rest.size() >= 2 && (rest.front() == '"' || rest.front() == '\'') && rest.back() == rest.front()) {
        rest = rest.substr(1, rest.size() - 2);
      }
      out.push_back({{"file", f.path},
                     {"line", line_no},
                     {"value", "PYTHONBREAKPOINT=" + std::string(rest)},
                     {"meaning", breakpoint_meaning(rest)}});
    }
  }
  return out;
}

}  // namespace

void DebugSetupsInventory::collect(const model::Project& project, nlohmann::ordered_json& facts) const {
  facts["launch_configurations"] = launch_configurations(project);

  json packages = json::array();
  for (const auto& dep : model::read_dependencies(project)) {
    if (std::find(kDebuggerPackages.begin(), kDebuggerPackages.end(), dep.name) == kDebuggerPackages.end()) continue;
    packages.push_back({{"name", dep.name}, {"group", dep.group}, {"source", dep.source}, {"line", dep.line}});
  }
  facts["debugger_packages"] = std::move(packages);
  facts["breakpoint_settings"] = breakpoint_settings(project);

  json attach = json::array();
  for (const auto& m : project.modules) {
    for (const auto& call : m.calls) {
      if (call.callee == "debugpy.listen" || call.callee == "ptvsd.enable_attach" ||
          call.callee == "pydevd_pycharm.settrace") {
        attach.push_back(
            {{"path", m.path}, {"line", call.location.line}, {"call", call.callee}, {"conditional", call.conditional}});
      }
    }
  }
  facts["remote_attach"] = std::move(attach);

  json rc = json::array();
  for (const auto& f : project.files) {
    if (f.path == ".pdbrc" || (f.path.size() > 7 && f.path.substr(f.path.size() - 7) == "/.pdbrc"))
      rc.push_back(f.path);
  }
  facts["pdbrc"] = std::move(rc);
}

}  // namespace onramp::checks::sandbox
