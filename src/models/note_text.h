#pragma once

#include <QString>

#include <span>
#include <string>
#include <utility>

#include "core/error.h"
#include "core/note.h"
#include "models/note_context.h"

class QTranslator;

namespace closelab::models {

// The edge where the engine's typed notes and errors become sentences in the user's language:
// the English template is looked up in the translator (contexts "closelab::Notes",
// "closelab::NoteWhy", "closelab::Errors"), then the named {placeholders} are filled in.

// Replaces every {name} in a translated template by the argument of that name.
QString fillPlaceholders(QString templ, std::span<const std::pair<std::string, std::string>> args);

QString noteSentence(const core::Note& note);
// "Why it happens"; empty when the engine has nothing to add.
QString noteWhy(const core::Note& note);
// The same, with hosts and sockets named as the rest of the window names them (NoteContext).
QString noteSentence(const core::Note& note, const NoteContext& context);
QString noteWhy(const core::Note& note, const NoteContext& context);
// One line naming the problem, prefixed with "file:line:column: " when known.
QString errorMessage(const core::InputError& error);
// The same through one catalogue instead of the installed translators: for errors found before
// QApplication exists (the app's command line), when no translator can be installed yet.
QString errorMessage(const core::InputError& error, const QTranslator& catalogue);

}  // namespace closelab::models
