// Markdown documents and CI workflows as model::Inputs parses them.
#include <doctest/doctest.h>

#include "onramp/parse/documents.hpp"
#include "onramp/parse/markdown.hpp"
#include "onramp/parse/workflow.hpp"

using onramp::parse::read_markdown;
using onramp::parse::read_workflow;
using onramp::parse::Workflow;

TEST_SUITE("parse::documents") {
  TEST_CASE("parse::read_markdown sections and fenced code blocks") {
    const auto doc = read_markdown(
        "Intro text\n"
        "\n"
        "# Shopfront #\n"
        "\n"
        "Development\n"
        "===========\n"
        "\n"
        "## Running locally\n"
        "\n"
        "```bash title=\"x\"\n"
        "cp .env.example .env\n"
        "# not a heading\n"
        "make dev\n"
        "```\n"
        "\n"
        "   ~~~~Console\n"
        "   $ pytest\n"
        "   ~~~~\n"
        "### Tests\n"
        "```\n"
        "plain\n"
        "````\n"
        "#no heading without a space\n"
        "    # indented code, not a heading\n"
        "Deploy\n"
        "---\n"
        "```python\n"
        "never closed\n");
    REQUIRE(doc.sections.size() == 6);
    CHECK(doc.sections[0].level == 0);
    CHECK(doc.sections[0].end_line == 2);
    CHECK(doc.sections[1].title == "Shopfront");
    CHECK(doc.sections[1].level == 1);
    CHECK(doc.sections[2].title == "Development");  // setext
    CHECK(doc.sections[2].level == 1);
    CHECK(doc.sections[2].line == 5);
    CHECK(doc.sections[3].title == "Running locally");
    CHECK(doc.sections[3].parents == std::vector<std::string>{"Development"});
    CHECK(doc.sections[4].title == "Tests");
    CHECK(doc.sections[4].parents == std::vector<std::string>{"Development", "Running locally"});
    CHECK(doc.sections[5].title == "Deploy");
    CHECK(doc.sections[5].level == 2);
    CHECK(doc.sections[5].parents == std::vector<std::string>{"Development"});

    REQUIRE(doc.code_blocks.size() == 4);
    CHECK(doc.code_blocks[0].language == "bash");
    CHECK(doc.code_blocks[0].code == "cp .env.example .env\n# not a heading\nmake dev\n");
    CHECK(doc.code_blocks[0].line == 10);
    CHECK(doc.code_blocks[0].end_line == 14);
    CHECK(doc.code_blocks[0].section == 3);
    CHECK(doc.code_blocks[1].language == "console");
    CHECK(doc.code_blocks[1].code == "$ pytest\n");  // the fence's indentation removed
    CHECK(doc.code_blocks[2].language.empty());
    CHECK(doc.code_blocks[2].code == "plain\n");  // a longer closing fence closes
    CHECK(doc.code_blocks[2].section == 4);
    CHECK(doc.code_blocks[3].language == "python");
    CHECK(doc.code_blocks[3].code == "never closed\n");  // runs to the end
    CHECK(doc.code_blocks[3].section == 5);
  }

  TEST_CASE("parse::read_markdown empty and heading-only documents") {
    CHECK(read_markdown("").sections.size() == 1);
    CHECK(read_markdown("").code_blocks.empty());
    const auto doc = read_markdown("#\n## \n");
    REQUIRE(doc.sections.size() == 3);
    CHECK(doc.sections[1].title.empty());
  }

  TEST_CASE("parse::read_workflow GitHub Actions jobs, steps, env and services") {
    const auto yaml = onramp::parse::parse_yaml(
        "name: ci\n"
        "env:\n"
        "  PYTHONUNBUFFERED: '1'\n"
        "jobs:\n"
        "  test:\n"
        "    runs-on: ubuntu-latest\n"
        "    container:\n"
        "      image: python:3.12\n"
        "      env: {PIP_NO_CACHE_DIR: 'off'}\n"
        "    env:\n"
        "      DATABASE_URL: postgres://postgres:postgres@localhost/test\n"
        "    defaults:\n"
        "      run:\n"
        "        working-directory: backend\n"
        "    services:\n"
        "      postgres:\n"
        "        image: postgres:16\n"
        "        env:\n"
        "          POSTGRES_PASSWORD: postgres\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - name: install\n"
        "        run: |\n"
        "          pip install -r requirements.txt\n"
        "          pytest\n"
        "        env:\n"
        "          CI: 'true'\n");
    const auto wf = read_workflow(yaml, ".github/workflows/ci.yml");
    CHECK(wf.errors.empty());
    CHECK(wf.system == Workflow::System::github);
    REQUIRE(wf.env.size() == 1);
    CHECK(wf.env[0].key == "PYTHONUNBUFFERED");
    CHECK(wf.env[0].line == 3);
    REQUIRE(wf.jobs.size() == 1);
    const auto& job = wf.jobs[0];
    CHECK(job.name == "test");
    CHECK(job.image == "python:3.12");
    REQUIRE(job.container_env.size() == 1);
    REQUIRE(job.env.size() == 1);
    CHECK(job.env[0].key == "DATABASE_URL");
    REQUIRE(job.services.size() == 1);
    CHECK(job.services[0].name == "postgres");
    CHECK(job.services[0].image == "postgres:16");
    CHECK(job.services[0].image_line == 17);
    REQUIRE(job.services[0].env.size() == 1);
    REQUIRE(job.steps.size() == 2);
    CHECK(job.steps[0].uses == "actions/checkout@v4");
    CHECK(job.steps[0].run.empty());
    CHECK(job.steps[1].name == "install");
    CHECK(job.steps[1].run == "pip install -r requirements.txt\npytest\n");
    CHECK(job.steps[1].working_directory == "backend");
    CHECK(job.steps[1].line == 23);
    REQUIRE(job.steps[1].env.size() == 1);
    CHECK(job.steps[1].env[0].value == "true");
  }

  TEST_CASE("parse::read_workflow GitLab CI jobs, scripts, variables and services") {
    const auto yaml = onramp::parse::parse_yaml(
        "stages: [test]\n"
        "image: python:3.11\n"
        "variables:\n"
        "  PIP_CACHE_DIR: .cache\n"
        "  DB: {value: postgres, description: the database}\n"
        "services:\n"
        "  - postgres:15\n"
        ".defaults: &defaults\n"
        "  variables:\n"
        "    DJANGO_SETTINGS_MODULE: app.settings.test\n"
        "test:\n"
        "  <<: *defaults\n"
        "  services:\n"
        "    - name: redis:7\n"
        "      alias: cache\n"
        "  before_script:\n"
        "    - pip install -r requirements.txt\n"
        "  script:\n"
        "    - pytest\n"
        "    - [coverage report]\n");
    const auto wf = read_workflow(yaml, ".gitlab-ci.yml");
    CHECK(wf.errors.empty());
    CHECK(wf.system == Workflow::System::gitlab);
    CHECK(wf.image == "python:3.11");
    REQUIRE(wf.env.size() == 2);
    CHECK(wf.env[1].value == "postgres");
    REQUIRE(wf.services.size() == 1);
    CHECK(wf.services[0].name == "postgres");
    CHECK(wf.services[0].image == "postgres:15");
    REQUIRE(wf.jobs.size() == 2);
    CHECK(wf.jobs[0].hidden);
    const auto& job = wf.jobs[1];
    CHECK(job.name == "test");
    CHECK(!job.hidden);
    REQUIRE(job.env.size() == 1);  // through the merge key
    CHECK(job.env[0].key == "DJANGO_SETTINGS_MODULE");
    REQUIRE(job.services.size() == 1);
    CHECK(job.services[0].name == "cache");
    CHECK(job.services[0].image == "redis:7");
    REQUIRE(job.steps.size() == 3);
    CHECK(job.steps[0].name == "before_script");
    CHECK(job.steps[0].run == "pip install -r requirements.txt");
    CHECK(job.steps[2].run == "coverage report");
    CHECK(job.steps[2].line == 20);
  }

  TEST_CASE("parse::read_workflow broken YAML and odd shapes are errors, not crashes") {
    CHECK(read_workflow(onramp::parse::parse_yaml("jobs: [\n"), "ci.yml").errors.size() == 1);
    CHECK(read_workflow(onramp::parse::parse_yaml("- a\n"), "ci.yml").errors.size() == 1);
    CHECK(read_workflow(onramp::parse::parse_yaml("jobs: 3\n"), "ci.yml").errors.size() == 1);
    CHECK(read_workflow(onramp::parse::parse_yaml(""), "ci.yml").errors.empty());
    const auto odd =
        read_workflow(onramp::parse::parse_yaml("jobs:\n  a: {steps: 3, services: x, env: [1]}\n"), "ci.yml");
    CHECK(odd.errors.empty());
    REQUIRE(odd.jobs.size() == 1);
    CHECK(odd.jobs[0].steps.empty());
  }
}
