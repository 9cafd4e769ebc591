#pragma once
// Where formatters, linters and type checkers are configured, and their key settings, read from
// pyproject.toml, ruff.toml, setup.cfg, tox.ini, .flake8, .pylintrc, mypy.ini, pyrightconfig.json,
// .editorconfig and .pre-commit-config.yaml. Never runs anything.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "onramp/model/project.hpp"

namespace onramp::checks::style {

/// One tool's configuration in one file: a fact row (`name`, `file`, `line`, then its settings).
using ToolRow = nlohmann::ordered_json;

/// Formatters and linters: ruff, black, isort, flake8, pylint, autopep8, yapf, and .editorconfig, in file order.
std::vector<ToolRow> formatter_and_linter_configs(const model::Project& project);

/// Type checkers: mypy (pyproject.toml, mypy.ini, .mypy.ini, setup.cfg) and pyright/basedpyright
/// (pyrightconfig.json, pyproject.toml), with strictness and target version.
std::vector<ToolRow> type_checker_configs(const model::Project& project);

/// Hooks of every .pre-commit-config.yaml: id, repo, rev (`file`, `line` of the hook).
std::vector<ToolRow> pre_commit_hooks(const model::Project& project);

/// The last path component.
std::string_view base_name(std::string_view path);

}  // namespace onramp::checks::style
