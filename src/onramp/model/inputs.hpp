#pragma once
// The one way onramp reads the repository: every kept file is read through Inputs, each at most once per run, and
// each configuration file is parsed once into the typed document its readers share. Checks never open a file.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/model/project.hpp"

namespace onramp::parse {
struct ComposeFile;
struct Dockerfile;
struct EnvFile;
struct IniDocument;
struct JsonDocument;
struct TomlDocument;
struct YamlDocument;
struct Lockfile;
struct MarkdownDoc;
struct RequirementsFile;
struct Workflow;
}  // namespace onramp::parse

namespace onramp::model {

using parse::IniDocument;
using parse::JsonDocument;
using parse::TomlDocument;
using parse::YamlDocument;

/// A file's text as onramp uses it, or why it cannot (the Python walk turns `problem` into a core::Problem).
struct SourceText {
  std::string text;
  /// "" when usable; else unreadable, too-large, binary or non-utf8 (the kinds of core::Problem).
  std::string problem;
  std::string message;
};

/// Reads a file's bytes (size-limited) and decodes them the same way for every kind of file: a UTF-8 byte order
/// mark is dropped, NUL bytes make it binary, and invalid UTF-8 is marked non-utf8 (text kept for lenient readers).
SourceText read_source(const std::filesystem::path& file, std::uintmax_t max_bytes);

/// A parsed document with the problems its parser reported (broken-manifest, ...), kept with it.
template <class T>
struct WithProblems {
  T value;
  std::vector<core::Problem> problems;
};

class Inputs {
public:
  /// `files` are the kept files (sorted by path); only they can be read.
  Inputs(std::filesystem::path root, std::uintmax_t max_file_size, const std::vector<core::ProjectFile>& files);
  ~Inputs();
  Inputs(const Inputs&) = delete;
  Inputs& operator=(const Inputs&) = delete;

  /// A kept file (readable or not).
  bool has(std::string_view path) const;

  /// The text of a kept non-Python file, read on the first ask and kept for the run; nullptr when `path` is not a
  /// kept file or cannot be used (unreadable, over the size limit, binary). Invalid UTF-8 is passed on: the
  /// parsers that need UTF-8 report it, the others read what they can.
  const std::string* text(std::string_view path) const;

  /// A Python file's text for the walk: read now and not kept (the walk parses each file once; keeping every
  /// module's text would double the peak memory on large repositories).
  SourceText python_source(std::string_view path) const;

  // Typed documents, each parsed once on the first ask and shared; nullptr when the file is not kept or unreadable.
  const TomlDocument* toml(std::string_view path) const;
  const YamlDocument* yaml(std::string_view path) const;
  const IniDocument* ini(std::string_view path) const;
  const JsonDocument* json(std::string_view path) const;
  const parse::Dockerfile* dockerfile(std::string_view path) const;
  const parse::EnvFile* env_file(std::string_view path) const;
  /// The compose file with `extends` followed (other files through this interface too).
  const parse::ComposeFile* compose(std::string_view path) const;
  /// A GitHub Actions or GitLab CI workflow: jobs, steps with their `run:` commands, env and services.
  const parse::Workflow* workflow(std::string_view path) const;
  /// A Markdown document's sections and fenced code blocks.
  const parse::MarkdownDoc* markdown(std::string_view path) const;
  const WithProblems<parse::RequirementsFile>* requirements(std::string_view path) const;
  const WithProblems<parse::Lockfile>* lockfile(std::string_view path) const;

  /// How often each file was read from disk (files never read are absent): 1 for every entry in a correct run.
  std::map<std::string, unsigned, std::less<>> read_counts() const;

private:
  struct Entry;
  Entry* entry(std::string_view path) const;

  std::filesystem::path root_;
  std::uintmax_t max_file_size_ = 0;
  std::vector<std::unique_ptr<Entry>> entries_;  // sorted by path
};

}  // namespace onramp::model
