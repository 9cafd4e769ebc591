#pragma once
// Schema migrations the local set-up must apply: Alembic script directories, Django migrations per app, and
// other tools when present (Flask-Migrate, yoyo, aerich).
#include <cstdint>
#include <string>
#include <vector>

#include "onramp/model/project.hpp"

namespace onramp::checks::local_setup {

/// One migration set: an Alembic script directory or all Django apps of one manage.py.
struct MigrationSet {
  std::string tool;  // alembic, flask-migrate, django, yoyo, aerich
  /// The file that configures it (alembic.ini, pyproject.toml, manage.py); "" when none was found.
  std::string config;
  std::uint32_t line = 0;
  std::string directory;  // script or versions directory; for Django the number of apps is in `apps`
  std::size_t revisions = 0;
  std::vector<std::string> heads;          // Alembic: revisions no other revision points to
  std::vector<std::string> branch_points;  // Alembic: revisions that two or more revisions point to
  std::string latest;                      // Django: the highest-numbered migration of the last app, unused elsewhere
  struct App {
    std::string path;
    std::size_t migrations = 0;
    std::string latest;
  };
  std::vector<App> apps;
  /// How to apply them and where to run it (a directory relative to the root).
  std::string apply;
  std::string cwd = ".";
};

std::vector<MigrationSet> find_migrations(const model::Project& project);

}  // namespace onramp::checks::local_setup
