// model::Inputs, the one way onramp reads the repository: each file read at most once per run, each configuration
// file parsed once, and no check that opens or parses a file on its own.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <regex>

#include "onramp/model/inputs.hpp"
#include "onramp/parse/compose.hpp"
#include "onramp/parse/dockerfile.hpp"
#include "onramp/parse/documents.hpp"
#include "onramp/parse/dotenv.hpp"
#include "onramp/parse/manifests.hpp"
#include "onramp/parse/markdown.hpp"
#include "onramp/parse/workflow.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using onramp::core::FileKind;
using onramp::model::Inputs;
using onramp::test::read_text;
using onramp::test::source_dir;

namespace {

/// A fixture's repository: its repo/ folder, or the path its repo.path names.
fs::path fixture_repo(const std::string& scenario) {
  const auto dir = source_dir() / "tests" / "fixtures" / scenario;
  if (fs::exists(dir / "repo.path")) {
    auto rel = read_text(dir / "repo.path");
    while (!rel.empty() && (rel.back() == '\n' || rel.back() == '\r')) rel.pop_back();
    return source_dir() / rel;
  }
  return dir / "repo";
}

/// Files written to a temporary directory, kept in path order as discovery keeps them.
struct Files {
  onramp::test::TempDir dir;
  std::vector<onramp::core::ProjectFile> kept;

  Files& add(const std::string& path, std::string_view text, FileKind kind = FileKind::other) {
    dir.write(path, text);
    kept.push_back({path, kind, text.size(), std::nullopt});
    std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return *this;
  }
};

}  // namespace

TEST_SUITE("model::inputs") {
  TEST_CASE("model::Inputs reads a file once and shares its documents") {
    Files f;
    f.add("pyproject.toml", "\xEF\xBB\xBF[project]\nname = \"x\"\n", FileKind::pyproject)
        .add("broken.toml", "[project\n")
        .add("blob.env", std::string("A=1\0B", 5), FileKind::env)
        .add("latin.txt", "caf\xE9\n")
        .add("app.py", "x = 1\n", FileKind::python);
    f.dir.write("ignored.toml", "a = 1\n");
    const Inputs in(f.dir.path(), 1 << 20, f.kept);

    const auto* text = in.text("pyproject.toml");
    REQUIRE(text != nullptr);
    CHECK(*text == "[project]\nname = \"x\"\n");  // the byte order mark is dropped, as for Python files
    CHECK(in.text("pyproject.toml") == text);
    const auto* doc = in.toml("pyproject.toml");
    REQUIRE(doc != nullptr);
    CHECK(!doc->error);
    CHECK(doc->table["project"]["name"].value_or(std::string()) == "x");
    CHECK(in.toml("pyproject.toml") == doc);  // parsed once, shared

    const auto* broken = in.toml("broken.toml");
    REQUIRE(broken != nullptr);
    REQUIRE(broken->error);  // the error is a value kept with the document
    CHECK(broken->error->source().begin.line == 1);

    CHECK(in.text("blob.env") == nullptr);  // NUL bytes: binary, as for Python files
    CHECK(in.env_file("blob.env") == nullptr);
    REQUIRE(in.text("latin.txt") != nullptr);   // invalid UTF-8 is passed on to lenient readers
    CHECK(in.text("ignored.toml") == nullptr);  // not a kept file: never read
    CHECK(in.toml("nowhere.toml") == nullptr);
    CHECK(in.text("app.py") == nullptr);  // Python text is the walk's, never kept

    const auto py = in.python_source("app.py");
    CHECK(py.problem.empty());
    CHECK(py.text == "x = 1\n");

    const auto counts = in.read_counts();
    CHECK(counts.size() == 5);
    for (const auto& [path, n] : counts) {
      INFO(path);
      CHECK(n == 1);
    }
    CHECK(!counts.contains("ignored.toml"));
  }

  TEST_CASE("model::Inputs decodes Python and other files alike") {
    Files f;
    f.add("big.py", std::string(100, 'x'), FileKind::python).add("nul.py", std::string("a\0b", 3), FileKind::python);
    f.add("bad.py", "s = '\xFF'\n", FileKind::python).add("big.md", std::string(100, '#'), FileKind::docs);
    const Inputs in(f.dir.path(), 64, f.kept);
    CHECK(in.python_source("big.py").problem == "too-large");
    CHECK(in.python_source("nul.py").problem == "binary");
    CHECK(in.python_source("bad.py").problem == "non-utf8");
    CHECK(in.text("big.md") == nullptr);  // over the size limit
  }

  TEST_CASE("model::Inputs parses each kind of document once") {
    Files f;
    f.add("Dockerfile", "FROM python:3.12-slim\nRUN pip install -r requirements.txt\n", FileKind::dockerfile)
        .add("compose.yaml", "services:\n  web:\n    extends: {file: base.yaml, service: app}\n", FileKind::compose)
        .add("base.yaml", "services:\n  app:\n    image: app:1\n    environment: {DEBUG: '1'}\n")
        .add(".env.example", "SECRET_KEY=\nDEBUG=1\n", FileKind::env)
        .add("requirements.txt", "django==5.0\nnot a requirement !!\n", FileKind::requirements)
        .add("uv.lock", "version = 1\n[[package]]\nname = \"Django\"\nversion = \"5.0\"\n", FileKind::lockfile)
        .add("setup.cfg", "[flake8]\nmax-line-length = 100\n", FileKind::setup_cfg)
        .add("README.md", "# Shop\n\n## Setup\n\n```bash\nmake dev\n```\n", FileKind::docs);
    const Inputs in(f.dir.path(), 1 << 20, f.kept);

    const auto* df = in.dockerfile("Dockerfile");
    REQUIRE(df != nullptr);
    REQUIRE(df->stages.size() == 1);
    CHECK(df->stages[0].image == "python:3.12-slim");
    CHECK(in.dockerfile("Dockerfile") == df);

    const auto* compose = in.compose("compose.yaml");
    REQUIRE(compose != nullptr);
    REQUIRE(compose->services.size() == 1);
    CHECK(compose->services[0].image == "app:1");  // extends resolved through the same interface
    REQUIRE(compose->services[0].environment.size() == 1);
    CHECK(compose->services[0].environment[0].file == "base.yaml");
    CHECK(in.compose("compose.yaml") == compose);
    CHECK(in.yaml("base.yaml") != nullptr);

    const auto* env = in.env_file(".env.example");
    REQUIRE(env != nullptr);
    CHECK(env->entries.size() == 2);

    const auto* req = in.requirements("requirements.txt");
    REQUIRE(req != nullptr);
    CHECK(req->value.dependencies.size() == 1);
    CHECK(req->problems.size() == 1);  // the line that is no requirement, kept with the document

    const auto* lock = in.lockfile("uv.lock");
    REQUIRE(lock != nullptr);
    CHECK(lock->value.tool == "uv");
    CHECK(lock->value.versions.at("django") == "5.0");
    CHECK(in.toml("uv.lock") != nullptr);  // the lockfile's TOML is the shared document

    const auto* ini = in.ini("setup.cfg");
    REQUIRE(ini != nullptr);
    REQUIRE(onramp::parse::find_section(ini->sections, "flake8") != nullptr);

    const auto* md = in.markdown("README.md");
    REQUIRE(md != nullptr);
    REQUIRE(md->code_blocks.size() == 1);
    CHECK(md->code_blocks[0].language == "bash");

    // base.yaml was read once although both compose.yaml (through extends) and yaml() asked for it
    for (const auto& [path, n] : in.read_counts()) {
      INFO(path);
      CHECK(n == 1);
    }
    CHECK(in.read_counts().size() == 8);
  }

  TEST_CASE("model::Inputs a whole run reads every file at most once") {
    for (const char* scenario : {"example-shopfront", "poetry-fastapi", "uv-workspace", "sandbox-debuggers"}) {
      INFO(scenario);
      const auto analysis = onramp::test::scan_repo(fixture_repo(scenario));
      const auto counts = analysis.project.inputs().read_counts();
      // the Python files and the files the steps read (Dockerfile, compose, .env, manifests...) all went through
      std::size_t python = 0;
      for (const auto& f : analysis.project.files) {
        if (f.kind == FileKind::python) ++python;
      }
      std::size_t python_read = 0;
      for (const auto& [path, n] : counts) {
        INFO(path);
        CHECK(n == 1);
        if (path.ends_with(".py")) ++python_read;
      }
      CHECK(python_read == python);
      for (const auto& f : analysis.project.files) {
        if (f.kind == FileKind::dockerfile || f.kind == FileKind::compose || f.kind == FileKind::env ||
            f.kind == FileKind::pyproject) {
          INFO(f.path);
          CHECK(counts.contains(f.path));
        }
      }
    }
  }

  TEST_CASE("model::Inputs no check opens or parses a file") {
    // Checks decide findings from the model: reading and parsing happen in model::Inputs only.
    const std::regex forbidden(
        R"(util::read_file|ifstream|fopen|::open\(|toml::parse\b|YAML::Load|json::parse|parse_toml|parse_yaml|parse_jsonc|)"
        R"(\bread_(ini|dockerfile|env_file|compose|lockfile|pyproject|pyproject_file|requirements|requirements_file|setup_cfg|)"
        R"(pipfile|environment_yml|markdown|workflow)\()");
    std::size_t scanned = 0;
    for (const auto& entry : fs::recursive_directory_iterator(source_dir() / "src" / "onramp" / "checks")) {
      const auto ext = entry.path().extension();
      if (ext != ".cpp" && ext != ".hpp") continue;
      ++scanned;
      std::size_t line_no = 0;
      std::istringstream in(read_text(entry.path()));
      for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (const auto first = line.find_first_not_of(" \t");
            first != std::string::npos && line.compare(first, 2, "//") == 0)
          continue;
        std::smatch m;
        if (std::regex_search(line, m, forbidden)) {
          FAIL_CHECK(fs::relative(entry.path(), source_dir()).generic_string()
                     << ":" << line_no << ": `" << m.str() << "` (read files through project.inputs())");
        }
      }
    }
    CHECK(scanned > 40);
  }
}
