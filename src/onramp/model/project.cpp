#include "onramp/model/project.hpp"

#include <algorithm>

#include "onramp/model/inputs.hpp"

namespace onramp::model {

std::vector<const core::ProjectFile*> Project::files_of(core::FileKind kind) const {
  std::vector<const core::ProjectFile*> out;
  for (const auto& f : files) {
    if (f.kind == kind) out.push_back(&f);
  }
  return out;
}

const core::ProjectFile* Project::find(std::string_view path) const {
  const auto it = std::lower_bound(files.begin(), files.end(), path,
                                   [](const core::ProjectFile& f, std::string_view p) { return f.path < p; });
  return it != files.end() && it->path == path ? &*it : nullptr;
}

const Inputs& Project::inputs() const {
  return derived_->inputs.get([&] { return std::make_shared<const Inputs>(root, max_file_size, files); });
}

}  // namespace onramp::model
