#include "onramp/checks/local-setup/docker_inventory.hpp"

#include "onramp/checks/local-setup/setup_files.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {

using json = nlohmann::ordered_json;

/// The instructions that apply to the final image, from the outermost base stage to the last.
std::vector<const parse::DockerInstruction*> final_chain(const parse::Dockerfile& file) {
  std::vector<const parse::DockerStage*> stages;
  const auto parents = stage_parents(file);
  for (int s = static_cast<int>(file.stages.size()) - 1; s >= 0; s = parents[static_cast<std::size_t>(s)]) {
    stages.insert(stages.begin(), &file.stages[static_cast<std::size_t>(s)]);
  }
  std::vector<const parse::DockerInstruction*> out;
  for (const auto* st : stages) {
    for (const auto& ins : st->instructions) out.push_back(&ins);
  }
  return out;
}

json command_of(const parse::DockerInstruction& ins) {
  json out = {{"form", ins.is_exec_form ? "exec" : "shell"}};
  if (ins.is_exec_form) {
    out["command"] = mask_words(ins.exec_form);
  } else {
    out["command"] = mask_text(ins.arguments);
  }
  out["line"] = ins.line;
  return out;
}

/// What a simple command installs with, or empty: apt, apk, pip, uv, poetry, pipenv, pdm, conda.
std::string install_tool(const SimpleCommand& cmd) {
  const auto& w = cmd.words;
  std::size_t i = 0;
  while (i < w.size() && (command_name(w[i]) == "sudo" || command_name(w[i]) == "env")) ++i;
  if (i >= w.size()) return {};
  auto name = std::string(command_name(w[i]));
  std::vector<std::string_view> rest;
  for (std::size_t j = i + 1; j < w.size(); ++j) {
    if (!w[j].starts_with('-')) rest.push_back(w[j]);
  }
  const auto sub = [&](std::size_t k) { return k < rest.size() ? rest[k] : std::string_view{}; };
  if (name.starts_with("python") && !rest.empty() && sub(0).starts_with("pip")) {
    // python -m pip install: `-m` is an option, `pip` the first word
    name = "pip";
    rest.erase(rest.begin());
  }
  if ((name == "apt-get" || name == "apt") && sub(0) == "install") return "apt";
  if (name == "apk" && sub(0) == "add") return "apk";
  if (name.starts_with("pip") && name.find_first_not_of("pip0123456789.") == std::string::npos && sub(0) == "install")
    return "pip";
  if (name == "uv" &&
      (sub(0) == "sync" || sub(0) == "add" || (sub(0) == "pip" && (sub(1) == "install" || sub(1) == "sync"))))
    return "uv";
  if (name == "poetry" && (sub(0) == "install" || sub(0) == "add")) return "poetry";
  if (name == "pipenv" && (sub(0) == "install" || sub(0) == "sync")) return "pipenv";
  if (name == "pdm" && (sub(0) == "install" || sub(0) == "sync")) return "pdm";
  if ((name == "conda" || name == "mamba" || name == "micromamba") && sub(0) == "install") return "conda";
  return {};
}

json dockerfile_facts(const LoadedDockerfile& df) {
  const auto& file = df.file;
  const auto args = global_arg_defaults(file);
  const auto parents = stage_parents(file);
  json stages = json::array();
  for (std::size_t i = 0; i < file.stages.size(); ++i) {
    const auto& st = file.stages[i];
    json row;
    if (parents[i] >= 0) {
      row["image"] = st.image;
      row["from_stage"] = file.stages[static_cast<std::size_t>(parents[i])].alias.empty()
                              ? std::to_string(parents[i])
                              : file.stages[static_cast<std::size_t>(parents[i])].alias;
    } else {
      std::string image = st.image;
      std::string expanded;
      const bool resolved = st.image.find('$') == std::string::npos || expand_variables(st.image, args, expanded);
      if (st.image.find('$') != std::string::npos && resolved) image = expanded;
      const auto ref = parse_image(image);
      row["image"] = ref.name;
      row["tag"] = ref.tag;
      row["digest"] = ref.digest;
      if (image != st.image) row["written"] = st.image;
      if (!resolved) row["resolved"] = false;
    }
    row["alias"] = st.alias;
    row["line"] = st.line;
    stages.push_back(std::move(row));
  }

  json out = {{"path", df.path}, {"stages", std::move(stages)}};
  json user = nullptr, entrypoint = nullptr, cmd = nullptr, healthcheck = nullptr;
  json expose = json::array();
  for (const auto* ins : final_chain(file)) {
    if (ins->keyword == "USER") user = std::string(util::trim(ins->arguments));
    if (ins->keyword == "EXPOSE") {
      for (const auto& port : parse::shell_words(ins->arguments)) expose.push_back(port);
    }
    if (ins->keyword == "ENTRYPOINT") entrypoint = command_of(*ins);
    if (ins->keyword == "CMD") cmd = command_of(*ins);
    if (ins->keyword == "HEALTHCHECK") {
      const auto args_text = std::string_view(ins->arguments);
      if (util::to_lower(args_text) == "none") {
        healthcheck = {{"command", "NONE"}, {"line", ins->line}};
      } else {
        const auto at = util::to_lower(args_text).find("cmd");
        const auto command = at == std::string::npos ? args_text : util::trim(args_text.substr(at + 3));
        healthcheck = {{"command", mask_text(command)}, {"flags", ins->flags}, {"line", ins->line}};
      }
    }
  }
  // The image the final stage starts from and what the container runs, in one line each, for the text report.
  const auto parents_of = stage_parents(file);
  int base = static_cast<int>(file.stages.size()) - 1;
  while (base >= 0 && parents_of[static_cast<std::size_t>(base)] >= 0)
    base = parents_of[static_cast<std::size_t>(base)];
  if (base >= 0) {
    const auto& row = out["stages"][static_cast<std::size_t>(base)];
    std::string text = row["image"].get<std::string>();
    if (row.contains("tag") && !row["tag"].get<std::string>().empty()) text += ":" + row["tag"].get<std::string>();
    if (row.contains("digest") && !row["digest"].get<std::string>().empty())
      text += "@" + row["digest"].get<std::string>();
    out["base"] = text;
  }
  std::string runs;
  for (const json* part : {&entrypoint, &cmd}) {
    if (part->is_null()) continue;
    const auto& command = (*part)["command"];
    std::string piece;
    if (command.is_array()) {
      for (const auto& w : command) piece += (piece.empty() ? "" : " ") + w.get<std::string>();
    } else {
      piece = command.get<std::string>();
    }
    runs += (runs.empty() ? "" : " ") + piece;
  }
  if (!runs.empty()) out["runs"] = runs;
  out["user"] = user;
  out["expose"] = std::move(expose);
  out["entrypoint"] = entrypoint;
  out["cmd"] = cmd;
  out["healthcheck"] = healthcheck;

  json installs = json::array();
  for (const auto& st : file.stages) {
    for (const auto& ins : st.instructions) {
      if (ins.keyword != "RUN") continue;
      for (const auto& c : run_commands(ins)) {
        const auto tool = install_tool(c);
        if (tool.empty()) continue;
        installs.push_back({{"tool", tool},
                            {"command", mask_text(util::join(c.words, " "))},
                            {"line", ins.line},
                            {"stage", st.alias}});
      }
    }
  }
  out["installs"] = std::move(installs);
  return out;
}

json compose_facts(const parse::ComposeFile& compose) {
  json services = json::array();
  for (const auto& s : compose.services) {
    json row = {{"name", s.name}, {"line", s.line}};
    if (!s.image.empty()) row["image"] = s.image;
    if (!s.build_context.empty()) {
      row["build"] = {{"context", s.build_context}};
      if (!s.dockerfile.empty()) row["build"]["dockerfile"] = s.dockerfile;
    }
    if (!s.command.empty()) row["command"] = mask_text(s.command);
    row["ports"] = s.ports;
    json deps = json::array();
    for (const auto& [service, condition] : s.depends_on)
      deps.push_back({{"service", service}, {"condition", condition}});
    row["depends_on"] = std::move(deps);
    json volumes = json::array();
    for (const auto& v : s.volumes) volumes.push_back(mask_text(v));
    row["volumes"] = std::move(volumes);
    row["healthcheck"] = s.has_healthcheck ? json(mask_text(s.healthcheck)) : json(nullptr);
    row["profiles"] = s.profiles;
    row["env_file"] = s.env_files;
    if (!s.extends.empty()) row["extends"] = s.extends_file.empty() ? s.extends : s.extends_file + ":" + s.extends;
    services.push_back(std::move(row));
  }
  json names = json::array();
  for (const auto& s : compose.services) names.push_back(s.name);
  return {{"path", compose.path}, {"service_names", std::move(names)}, {"services", std::move(services)}};
}

}  // namespace

void DockerInventory::collect(const model::Project& project, nlohmann::ordered_json& facts) const {
  json dockerfiles = json::array();
  for (const auto& df : load_dockerfiles(project)) dockerfiles.push_back(dockerfile_facts(df));
  facts["dockerfiles"] = std::move(dockerfiles);
  json compose = json::array();
  for (const auto& c : load_compose_files(project)) compose.push_back(compose_facts(c));
  facts["compose"] = std::move(compose);
}

}  // namespace onramp::checks::local_setup
