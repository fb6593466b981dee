#include "kernel/text_fields.h"

#include <fstream>
#include <sstream>

namespace closelab::kernel {

namespace {

bool isSeparator(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

}  // namespace

std::vector<std::string_view> splitWords(std::string_view line) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && isSeparator(line[i])) {
            ++i;
        }
        const std::size_t start = i;
        while (i < line.size() && !isSeparator(line[i])) {
            ++i;
        }
        if (i > start) {
            words.push_back(line.substr(start, i - start));
        }
    }
    return words;
}

std::string readWholeFile(const char* path) {
    std::ifstream in(path);
    if (!in) {
        return {};
    }
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace closelab::kernel
