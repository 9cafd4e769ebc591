#pragma once
// The environment-variable table is part of the project model (model/env_table.hpp); the local-setup step's checks
// use it under their own namespace.
#include "onramp/model/env_table.hpp"

namespace onramp::checks::local_setup {

using model::build_env_table;
using model::code_context;
using model::EnvFileLoad;
using model::EnvPlace;
using model::EnvRead;
using model::EnvTable;
using model::EnvVar;
using model::is_env_template;
using model::url_endpoint;

}  // namespace onramp::checks::local_setup
