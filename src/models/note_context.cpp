#include "models/note_context.h"

#include <algorithm>

#include "models/host_names.h"

namespace closelab::models {

namespace {

// The entry live at time t: the last one at or before t, else the first one (a note can be
// written in the same instant as, or just before, the event that names its socket).
template <typename T>
const T* liveAt(const std::vector<T>& entries, core::SimTime t) {
    if (entries.empty())
        return nullptr;
    auto it = std::upper_bound(entries.begin(), entries.end(), t,
                               [](core::SimTime v, const T& e) { return v < e.t; });
    return it == entries.begin() ? &entries.front() : &*(it - 1);
}

}  // namespace

NoteContext::NoteContext(const core::Recording& recording) {
    m_hosts.reserve(recording.hosts.size());
    for (const auto& h : recording.hosts)
        m_hosts.push_back(h.name);
    for (const auto& a : recording.appEvents) {
        if (a.socket != 0 && !a.sock.empty())
            m_labels[{a.host, a.sock}].push_back({a.tUs, a.socket});
    }
    for (const auto& tr : recording.transitions) {
        if (tr.socket != 0 && !tr.local.empty())
            m_tuples[{tr.host, tr.socket}].push_back({tr.tUs, tr.local, tr.remote});
    }
    // Both vectors are filled in time order already; keep them sorted if a recording is not.
    for (auto& [key, uses] : m_labels)
        std::stable_sort(uses.begin(), uses.end(),
                         [](const Use& a, const Use& b) { return a.t < b.t; });
    for (auto& [key, tuples] : m_tuples)
        std::stable_sort(tuples.begin(), tuples.end(),
                         [](const Tuple& a, const Tuple& b) { return a.t < b.t; });
}

QString NoteContext::socketText(const std::string& host, const std::string& label,
                                core::SimTime t) const {
    const auto uses = m_labels.find({host, label});
    if (uses == m_labels.end())
        return {};
    const Use* use = liveAt(uses->second, t);
    const auto tuples = m_tuples.find({host, use->socket});
    if (tuples == m_tuples.end())
        return {};
    const Tuple* tuple = liveAt(tuples->second, t);
    // A listener has no peer ("*:*"): its local address is all there is to say.
    if (tuple->remote.empty() || tuple->remote == "*:*")
        return QString::fromStdString(tuple->local);
    return QStringLiteral("%1 → %2").arg(QString::fromStdString(tuple->local),
                                         QString::fromStdString(tuple->remote));
}

std::vector<std::pair<std::string, std::string>> NoteContext::displayArgs(
    const core::Note& note) const {
    std::vector<std::pair<std::string, std::string>> args = note.args;
    const std::string host(note.arg("host"));
    for (auto& [name, value] : args) {
        if (name == "sock") {
            QString text = socketText(host, value, note.t);
            // "accept() returns {sock} ({remote})": the peer is already in the sentence.
            const std::string_view remote = note.arg("remote");
            const QString tail =
                QStringLiteral(" → ") + QString::fromUtf8(remote.data(), qsizetype(remote.size()));
            if (!remote.empty() && text.endsWith(tail))
                text.chop(tail.size());
            if (!text.isEmpty())
                value = text.toStdString();
        } else if (std::find(m_hosts.begin(), m_hosts.end(), value) != m_hosts.end()) {
            // {host}, and {from}/{to} of link notes: a host of this recording.
            value = hostDisplayName(value).toStdString();
        }
    }
    return args;
}

}  // namespace closelab::models
