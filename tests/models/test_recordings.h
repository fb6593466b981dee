#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/recording.h"
#include "core/scenario.h"
#include "core/simulate.h"

namespace closelab::tests {

// A real run of a built-in scenario (the engine is deterministic for a seed).
inline std::shared_ptr<const core::Recording> runBuiltin(
    const std::string& id, std::vector<core::OptionOverride> overrides = {}) {
    core::RunConfig config;
    config.overrides = std::move(overrides);
    return std::make_shared<const core::Recording>(
        core::simulate(core::builtinScenario(id), config));
}

// A small hand-written close, independent of the engine's behaviour: client closes first, the
// server's FIN is lost once and retransmitted, the client sits 60 s in TIME_WAIT.
inline std::shared_ptr<const core::Recording> handmadeClose() {
    using core::TcpState;
    auto rec = std::make_shared<core::Recording>();
    rec->scenario = "handmade";
    rec->hosts = {{"client", "client", "10.0.0.1"}, {"server", "server", "10.0.0.2"}};
    auto seg = [&](core::SimTime t, bool toServer, std::uint8_t flags, std::uint32_t seq,
                   std::uint32_t ack, core::Fate fate) {
        core::RecSegment s;
        s.tUs = t;
        s.from = toServer ? "client" : "server";
        s.to = toServer ? "server" : "client";
        s.src = toServer ? "10.0.0.1:40000" : "10.0.0.2:80";
        s.dst = toServer ? "10.0.0.2:80" : "10.0.0.1:40000";
        s.flags = flags;
        s.seq = seq;
        s.ack = ack;
        s.fate = fate;
        s.arriveUs = fate == core::Fate::Lost ? -1 : t + 100;
        s.reason = fate == core::Fate::Lost ? "loss" : "";
        s.connection = 1;
        s.socket = toServer ? 1 : 2;
        rec->segments.push_back(s);
    };
    seg(0, true, core::kSyn, 0, 0, core::Fate::Delivered);
    seg(100, false, core::kSyn | core::kAck, 0, 1, core::Fate::Delivered);
    seg(200, true, core::kAck, 1, 1, core::Fate::Delivered);
    seg(1'000, true, core::kFin | core::kAck, 1, 1, core::Fate::Delivered);
    seg(1'100, false, core::kAck, 1, 2, core::Fate::Delivered);
    seg(2'000, false, core::kFin | core::kAck, 1, 2, core::Fate::Lost);
    seg(202'000, false, core::kFin | core::kAck, 1, 2, core::Fate::Delivered);
    seg(202'100, true, core::kAck, 2, 2, core::Fate::Delivered);
    auto tr = [&](core::SimTime t, bool client, TcpState from, TcpState to) {
        core::RecTransition x;
        x.tUs = t;
        x.host = client ? "client" : "server";
        x.socket = client ? 1 : 2;
        x.local = client ? "10.0.0.1:40000" : "10.0.0.2:80";
        x.remote = client ? "10.0.0.2:80" : "10.0.0.1:40000";
        x.from = from;
        x.to = to;
        x.connection = 1;
        rec->transitions.push_back(x);
    };
    tr(0, true, TcpState::Closed, TcpState::SynSent);
    tr(100, false, TcpState::Listen, TcpState::SynRecv);
    tr(200, true, TcpState::SynSent, TcpState::Established);
    tr(300, false, TcpState::SynRecv, TcpState::Established);
    tr(1'000, true, TcpState::Established, TcpState::FinWait1);
    tr(1'100, false, TcpState::Established, TcpState::CloseWait);
    tr(1'200, true, TcpState::FinWait1, TcpState::FinWait2);
    tr(2'000, false, TcpState::CloseWait, TcpState::LastAck);
    tr(202'100, true, TcpState::FinWait2, TcpState::TimeWait);
    tr(202'200, false, TcpState::LastAck, TcpState::Closed);
    tr(60'202'100, true, TcpState::TimeWait, TcpState::Closed);
    rec->timers.push_back({2'000, 202'000, true, "server", 2, core::TimerKind::Retransmit});
    rec->timers.push_back({202'100, 60'202'100, true, "client", 1, core::TimerKind::TimeWait});
    rec->notes.push_back({1'000, core::NoteId::CloseActive, {{"host", "client"}}});
    rec->notes.push_back({202'000, core::NoteId::FinRetransmitted, {{"host", "server"}}});
    rec->notes.push_back(
        {202'100, core::NoteId::TimeWaitEntered, {{"host", "client"}, {"ms", "60000"}}});
    rec->notes.push_back({60'202'100, core::NoteId::TimeWaitExpired, {{"host", "client"}}});
    rec->endUs = 60'202'100;
    rec->counters.resize(2);
    return rec;
}

}  // namespace closelab::tests
