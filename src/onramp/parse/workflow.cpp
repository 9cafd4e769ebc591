#include "onramp/parse/workflow.hpp"
#include "onramp/parse/documents.hpp"
#include "onramp/util/paths.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace onramp::parse {

namespace {

std::uint32_t line_of(const YAML::Node& n) {
  return n.Mark().is_null() ? 0 : static_cast<std::uint32_t>(n.Mark().line + 1);
}

std::string scalar(const YAML::Node& n) { return n && n.IsScalar() ? n.Scalar() : std::string(); }

/// A mapping's entry by key, without creating it (const lookups only), merge keys applied.
YAML::Node get(const YAML::Node& map, std::string_view key) { return yaml_get(map, key); }

std::vector<WorkflowEnv> env_of(const YAML::Node& env) {
  std::vector<WorkflowEnv> out;
  if (!env || !env.IsMap()) return out;
  for (const auto& kv : env) {
    if (!kv.first.IsScalar()) continue;
    WorkflowEnv e{kv.first.Scalar(), std::nullopt, line_of(kv.first)};
    if (kv.second.IsScalar()) e.value = kv.second.Scalar();
    else if (const auto v = get(kv.second, "value"); v && v.IsScalar()) e.value = v.Scalar();
    out.push_back(std::move(e));
  }
  return out;
}

/// GitHub `services: {name: {image, env}}`; GitLab `services: [image, {name: image, alias: x, variables: ...}]`.
std::vector<WorkflowService> services_of(const YAML::Node& node) {
  std::vector<WorkflowService> out;
  if (!node) return out;
  if (node.IsMap()) {
    for (const auto& kv : node) {
      if (!kv.first.IsScalar()) continue;
      WorkflowService s;
      s.name = kv.first.Scalar();
      s.line = line_of(kv.first);
      if (kv.second.IsMap()) {
        const auto image = get(kv.second, "image");
        s.image = scalar(image);
        s.image_line = image && image.IsScalar() ? line_of(image) : 0;
        s.env = env_of(get(kv.second, "env"));
      }
      out.push_back(std::move(s));
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      WorkflowService s;
      s.line = line_of(item);
      if (item.IsScalar()) {
        s.image = item.Scalar();
        s.image_line = s.line;
      } else if (item.IsMap()) {
        const auto name = get(item, "name");
        s.image = scalar(name);
        s.image_line = name && name.IsScalar() ? line_of(name) : 0;
        s.name = scalar(get(item, "alias"));
        s.env = env_of(get(item, "variables"));
      }
      if (s.name.empty()) {
        // GitLab names the host after the image: `postgres:16` -> postgres, `bitnami/redis` -> bitnami-redis
        auto n = s.image.substr(0, s.image.find(':'));
        std::replace(n.begin(), n.end(), '/', '-');
        s.name = n;
      }
      out.push_back(std::move(s));
    }
  }
  return out;
}

/// A GitLab script: a string or a list of strings (nested lists flattened, as GitLab does for YAML anchors).
void script_lines(const YAML::Node& node, std::vector<WorkflowStep>& out, std::string_view name) {
  if (!node) return;
  if (node.IsScalar()) {
    out.push_back({std::string(name), node.Scalar(), "", "", {}, line_of(node)});
  } else if (node.IsSequence()) {
    for (const auto& item : node) script_lines(item, out, name);
  }
}

void read_github(const YAML::Node& root, Workflow& out) {
  out.env = env_of(get(root, "env"));
  const auto jobs = get(root, "jobs");
  if (!jobs) return;
  if (!jobs.IsMap()) {
    out.errors.emplace_back(line_of(jobs), "`jobs` must be a mapping of job ids");
    return;
  }
  for (const auto& kv : jobs) {
    if (!kv.first.IsScalar() || !kv.second.IsMap()) continue;
    WorkflowJob job;
    job.name = kv.first.Scalar();
    job.line = line_of(kv.first);
    const auto& body = kv.second;
    job.env = env_of(get(body, "env"));
    if (const auto container = get(body, "container")) {
      if (container.IsScalar()) job.image = container.Scalar();
      else if (container.IsMap()) {
        job.image = scalar(get(container, "image"));
        job.container_env = env_of(get(container, "env"));
      }
    }
    job.services = services_of(get(body, "services"));
    const auto defaults = get(get(body, "defaults"), "run");
    const auto default_dir = scalar(get(defaults, "working-directory"));
    if (const auto steps = get(body, "steps"); steps && steps.IsSequence()) {
      for (const auto& s : steps) {
        if (!s.IsMap()) continue;
        WorkflowStep step;
        step.name = scalar(get(s, "name"));
        step.run = scalar(get(s, "run"));
        step.uses = scalar(get(s, "uses"));
        step.working_directory = scalar(get(s, "working-directory"));
        if (step.working_directory.empty()) step.working_directory = default_dir;
        step.env = env_of(get(s, "env"));
        const auto run = get(s, "run");
        step.line = run && run.IsScalar() ? line_of(run) : line_of(s);
        job.steps.push_back(std::move(step));
      }
    }
    out.jobs.push_back(std::move(job));
  }
}

/// Top-level keys of .gitlab-ci.yml that are settings, not jobs.
constexpr std::array<std::string_view, 11> kGitlabKeywords = {"stages",       "variables", "default",  "include",
                                                              "workflow",     "image",     "services", "before_script",
                                                              "after_script", "cache",     "spec"};

void read_gitlab(const YAML::Node& root, Workflow& out) {
  out.env = env_of(get(root, "variables"));
  const auto defaults = get(root, "default");
  const auto image_of = [](const YAML::Node& n) { return n && n.IsMap() ? scalar(get(n, "name")) : scalar(n); };
  out.image = image_of(get(root, "image"));
  if (out.image.empty()) out.image = image_of(get(defaults, "image"));
  out.services = services_of(get(root, "services"));
  if (out.services.empty()) out.services = services_of(get(defaults, "services"));
  for (const auto& kv : root) {
    if (!kv.first.IsScalar()) continue;
    const auto& name = kv.first.Scalar();
    if (std::find(kGitlabKeywords.begin(), kGitlabKeywords.end(), name) != kGitlabKeywords.end()) continue;
    if (!kv.second.IsMap()) continue;
    WorkflowJob job;
    job.name = name;
    job.line = line_of(kv.first);
    job.hidden = name.starts_with(".");
    const auto& body = kv.second;
    job.env = env_of(get(body, "variables"));
    job.image = image_of(get(body, "image"));
    job.services = services_of(get(body, "services"));
    for (const char* key : {"before_script", "script", "after_script"}) script_lines(get(body, key), job.steps, key);
    out.jobs.push_back(std::move(job));
  }
}

}  // namespace

Workflow read_workflow(const parse::YamlDocument& doc, const std::string& path) {
  Workflow out;
  out.path = path;
  out.system = util::base_name(path) == ".gitlab-ci.yml" ? Workflow::System::gitlab : Workflow::System::github;
  if (doc.error) {
    out.errors.emplace_back(doc.error->line, doc.error->message);
    return out;
  }
  if (!doc.root || doc.root.IsNull()) return out;
  if (!doc.root.IsMap()) {
    out.errors.emplace_back(line_of(doc.root), "a workflow must be a mapping");
    return out;
  }
  try {
    if (out.system == Workflow::System::gitlab) read_gitlab(doc.root, out);
    else read_github(doc.root, out);
  } catch (const std::exception& e) {
    out.errors.emplace_back(0, e.what());
  }
  return out;
}

}  // namespace onramp::parse
