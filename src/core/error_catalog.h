#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace closelab::core {

// Some arguments of an InputError are not data from the user's input but English phrases of the
// error catalogue: {why} (the reason a value is bad), {expected} (what a field must be), {where}
// (which object lacks a field) and {message} (what the JSON reader stumbled on). Their literals
// are marked QT_TRANSLATE_NOOP("closelab::Errors", ...) where they are thrown, so the models can
// translate them like the templates. A phrase may hold {placeholders} itself, filled from the
// error's data arguments ("it must be between {min} and {max}"), so a translation can reorder
// them instead of receiving a sentence glued together in English.
bool isErrorPhraseArg(std::string_view name);

// The arguments with every phrase's own placeholders filled from the data arguments.
std::vector<std::pair<std::string, std::string>> expandErrorPhrases(
    std::vector<std::pair<std::string, std::string>> args);

}  // namespace closelab::core
