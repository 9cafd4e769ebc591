#include <iostream>

#include "onramp/cli/cli.hpp"

int main(int argc, char** argv) { return onramp::cli::run(argc, argv, std::cout, std::cerr); }
