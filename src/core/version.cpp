#include "core/version.h"

namespace closelab::core {

std::string_view version() {
    return CLOSELAB_VERSION;
}

}  // namespace closelab::core
