#pragma once
// The few tree-sitter node helpers every walker and extractor uses, in one place.
#include <tree_sitter/api.h>

#include <cstdint>
#include <cstring>

namespace onramp::parse::ts {

/// A non-null node of grammar type `type` ("call", "attribute", ...).
inline bool is(TSNode n, const char* type) { return !ts_node_is_null(n) && std::strcmp(ts_node_type(n), type) == 0; }

/// The child in field `name` ("function", "arguments", ...); a null node when there is none.
inline TSNode field(TSNode n, const char* name) {
  return ts_node_child_by_field_name(n, name, static_cast<std::uint32_t>(std::strlen(name)));
}

/// The expression inside redundant parentheses: `((x))` -> `x`.
inline TSNode unwrap(TSNode n) {
  while (is(n, "parenthesized_expression") && ts_node_named_child_count(n) == 1) n = ts_node_named_child(n, 0);
  return n;
}

}  // namespace onramp::parse::ts
