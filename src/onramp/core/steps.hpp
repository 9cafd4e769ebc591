#pragma once
// The fifteen onboarding steps that every fact and finding belongs to (DESIGN.md).
#include <array>
#include <optional>
#include <string_view>

namespace onramp::core {

/// One onboarding step: its number, its key in rule ids and JSON, and its title.
struct Step {
  int id;
  std::string_view key;
  std::string_view title;
};

inline constexpr std::array<Step, 15> kSteps = {{
    {1, "architecture", "Architecture and layers"},
    {2, "local-setup", "Running it locally"},
    {3, "stack", "Libraries and versions"},
    {4, "sandbox", "Debugging and experiments"},
    {5, "style", "Code style"},
    {6, "typing", "Type hints"},
    {7, "database", "Database schema"},
    {8, "async", "Async code and queues"},
    {9, "logging", "Logging and monitoring"},
    {10, "review", "Code review"},
    {11, "questions", "Where to ask and look"},
    {12, "unwritten-rules", "Unwritten rules"},
    {13, "domain", "Domain and key entities"},
    {14, "communication", "Communication"},
    {15, "improvements", "First improvements"},
}};

/// The step with this key, if any.
std::optional<Step> step_by_key(std::string_view key);

}  // namespace onramp::core
