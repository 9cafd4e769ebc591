#include "onramp/model/inputs.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>

#include "onramp/parse/compose.hpp"
#include "onramp/parse/dockerfile.hpp"
#include "onramp/parse/documents.hpp"
#include "onramp/parse/dotenv.hpp"
#include "onramp/parse/manifests.hpp"
#include "onramp/parse/markdown.hpp"
#include "onramp/parse/workflow.hpp"
#include "onramp/util/files.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::model {

namespace {

/// A value computed by the first reader that asks, then shared.
template <class T>
struct Slot {
  std::once_flag once;
  std::unique_ptr<const T> value;

  template <class Make>
  const T* get(Make&& make) {
    std::call_once(once, [&] { value = make(); });
    return value.get();
  }
};

}  // namespace

struct Inputs::Entry {
  std::string path;
  bool python = false;
  std::atomic<unsigned> reads{0};
  std::once_flag read_once;
  SourceText source;  // non-Python files only; kept for the run

  Slot<TomlDocument> toml;
  Slot<YamlDocument> yaml;
  Slot<IniDocument> ini;
  Slot<JsonDocument> json;
  Slot<parse::Dockerfile> dockerfile;
  Slot<parse::EnvFile> env;
  Slot<parse::ComposeFile> compose;
  Slot<parse::Workflow> workflow;
  Slot<parse::MarkdownDoc> markdown;
  Slot<WithProblems<parse::RequirementsFile>> requirements;
  Slot<WithProblems<parse::Lockfile>> lockfile;
};

SourceText read_source(const std::filesystem::path& file, std::uintmax_t max_bytes) {
  SourceText out;
  auto data = util::read_file(file, max_bytes);
  if (!data) {
    out.problem = data.error().message == "larger than the size limit" ? "too-large" : "unreadable";
    out.message = data.error().message;
    return out;
  }
  out.text = std::move(*data);
  if (out.text.starts_with("\xEF\xBB\xBF")) out.text.erase(0, 3);
  if (out.text.find('\0') != std::string::npos) {
    out.problem = "binary";
    out.message = "contains NUL bytes, skipped";
  } else if (!util::is_valid_utf8(out.text)) {
    out.problem = "non-utf8";
    out.message = "not valid UTF-8, skipped";
  }
  return out;
}

Inputs::Inputs(std::filesystem::path root, std::uintmax_t max_file_size, const std::vector<core::ProjectFile>& files)
    : root_(std::move(root)), max_file_size_(max_file_size) {
  entries_.reserve(files.size());
  for (const auto& f : files) {
    auto e = std::make_unique<Entry>();
    e->path = f.path;
    e->python = f.kind == core::FileKind::python;
    entries_.push_back(std::move(e));
  }
  std::sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) { return a->path < b->path; });
}

Inputs::~Inputs() = default;

Inputs::Entry* Inputs::entry(std::string_view path) const {
  const auto it = std::lower_bound(entries_.begin(), entries_.end(), path,
                                   [](const std::unique_ptr<Entry>& e, std::string_view p) { return e->path < p; });
  return it != entries_.end() && (*it)->path == path ? it->get() : nullptr;
}

bool Inputs::has(std::string_view path) const { return entry(path) != nullptr; }

const std::string* Inputs::text(std::string_view path) const {
  Entry* e = entry(path);
  if (e == nullptr) return nullptr;
  if (e->python) {
    // A Python file's text is the walk's, not kept; a reader that wants one here is a bug in onramp.
    return nullptr;
  }
  std::call_once(e->read_once, [&] {
    ++e->reads;
    e->source = read_source(root_ / std::filesystem::path(e->path), max_file_size_);
  });
  const auto& s = e->source;
  if (s.problem.empty() || s.problem == "non-utf8") return &s.text;
  return nullptr;
}

SourceText Inputs::python_source(std::string_view path) const {
  Entry* e = entry(path);
  if (e == nullptr) return {{}, "unreadable", "not a file of the scan"};
  ++e->reads;
  return read_source(root_ / std::filesystem::path(e->path), max_file_size_);
}

namespace {

/// The document of a kept, readable file: `parse(text)` run once, shared after.
template <class T, class Parse>
const T* parsed(const Inputs& in, Slot<T>& slot, std::string_view path, Parse&& parse) {
  return slot.get([&]() -> std::unique_ptr<const T> {
    const auto* text = in.text(path);
    if (text == nullptr) return nullptr;
    return std::make_unique<const T>(parse(*text));
  });
}

}  // namespace

const TomlDocument* Inputs::toml(std::string_view path) const {
  Entry* e = entry(path);
  if (e == nullptr) return nullptr;
  return parsed(*this, e->toml, path, [&](const std::string& t) { return parse::parse_toml(t, e->path); });
}

const YamlDocument* Inputs::yaml(std::string_view path) const {
  Entry* e = entry(path);
  if (e == nullptr) return nullptr;
  return parsed(*this, e->yaml, path, [](const std::string& t) { return parse::parse_yaml(t); });
}

const IniDocument* Inputs::ini(std::string_view path) const {
  Entry* e = entry(path);
  if (e == nullptr) return nullptr;
  return parsed(*this, e->ini, path, [](const std::string& t) { return IniDocument{parse::read_ini(t)}; });
}

const JsonDocument* Inputs::json(std::string_view path) const {
  Entry* e = entry(path);
  if (e == nullptr) return nullptr;
  return parsed(*this, e->json, path, [](const std::string& t) { return parse::parse_jsonc(t); });
}

const parse::Dockerfile* Inputs::dockerfile(std::string_view path) const {
  Entry* e = entry(path);
  if (e == nullptr) return nullptr;
  return parsed(*this, e->dockerfile, path, [](const std::string& t) { return parse::read_dockerfile(t); });
}

const parse::EnvFile* Inputs::env_file(std::string_view path) const {
  Entry* e = entry(path);
  if (e == nullptr) return nullptr;
  return parsed(*this, e->env, path, [](const std::string& t) { return parse::read_env_file(t); });
}

const parse::ComposeFile* Inputs::compose(std::string_view path) const {
  Entry* e = entry(path);
  if (e == nullptr) return nullptr;
  return e->compose.get([&] {
    return std::make_unique<const parse::ComposeFile>(
        parse::read_compose([this](std::string_view p) { return yaml(p); }, e->path));
  });
}

const parse::Workflow* Inputs::workflow(std::string_view path) const {
  Entry* e = entry(path);
  if (e == nullptr) return nullptr;
  return e->workflow.get([&]() -> std::unique_ptr<const parse::Workflow> {
    const auto* doc = yaml(path);
    if (doc == nullptr) return nullptr;
    return std::make_unique<const parse::Workflow>(parse::read_workflow(*doc, e->path));
  });
}

const parse::MarkdownDoc* Inputs::markdown(std::string_view path) const {
  Entry* e = entry(path);
  if (e == nullptr) return nullptr;
  return parsed(*this, e->markdown, path, [](const std::string& t) { return parse::read_markdown(t); });
}

const WithProblems<parse::RequirementsFile>* Inputs::requirements(std::string_view path) const {
  Entry* e = entry(path);
  if (e == nullptr) return nullptr;
  return parsed(*this, e->requirements, path, [&](const std::string& t) {
    WithProblems<parse::RequirementsFile> out;
    out.value = parse::read_requirements_file(t, e->path, out.problems);
    return out;
  });
}

const WithProblems<parse::Lockfile>* Inputs::lockfile(std::string_view path) const {
  Entry* e = entry(path);
  if (e == nullptr) return nullptr;
  return parsed(*this, e->lockfile, path, [&](const std::string& t) {
    WithProblems<parse::Lockfile> out;
    out.value = parse::read_lockfile(t, parse::is_toml_lockfile(e->path) ? toml(path) : nullptr, e->path, out.problems);
    return out;
  });
}

std::map<std::string, unsigned, std::less<>> Inputs::read_counts() const {
  std::map<std::string, unsigned, std::less<>> out;
  for (const auto& e : entries_) {
    if (const unsigned n = e->reads.load(); n > 0) out.emplace(e->path, n);
  }
  return out;
}

}  // namespace onramp::model
