#pragma once

#include <vector>

#include "core/note.h"

namespace closelab::core {

// The English template for this very note: where the sentence depends on a word-like argument
// (the parity of a chosen port, why an old segment was dropped, whether a timer restarted) there
// is one whole sentence per value, marked for translation like the others, instead of an English
// word spliced into a shared sentence. Falls back to noteTemplateEn(note.id).
const char* noteTemplateEn(const Note& note);

// Every variant sentence of `id` (empty for most notes); for tests and translators' checks.
std::vector<const char*> noteVariantTemplatesEn(NoteId id);

}  // namespace closelab::core
