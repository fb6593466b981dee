#pragma once

#include <string>

namespace closelab::core {

// Text in the two languages of closelab. zhCN may be empty (falls back to en).
struct LocalizedText {
    std::string en;
    std::string zhCN;
    const std::string& text(bool chinese) const { return chinese && !zhCN.empty() ? zhCN : en; }
    bool empty() const { return en.empty() && zhCN.empty(); }
};

}  // namespace closelab::core
