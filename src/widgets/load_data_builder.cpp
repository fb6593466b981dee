#include "widgets/load_data_builder.h"

#include <QLocale>

#include <algorithm>
#include <climits>
#include <cstdint>

#include "core/load/load_result.h"
#include "models/host_names.h"

namespace closelab::widgets {

namespace {

QString fromStd(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

}  // namespace

LoadData LoadDataBuilder::build(const core::LoadResult& result) {
    LoadData data;
    data.timesMs.reserve(qsizetype(result.tMs.size()));
    for (std::int64_t t : result.tMs)
        data.timesMs.append(double(t));
    for (const core::LoadHostSeries& host : result.hosts) {
        const QString name = fromStd(host.host);
        data.hosts << name;
        QList<LoadData::StateSeries> states;
        for (std::size_t s = 0; s < core::kLoadStateCount; ++s) {
            LoadData::StateSeries series;
            series.state = fromStd(core::kLoadStateNames[s]);
            series.values.reserve(qsizetype(host.states[s].size()));
            for (std::uint32_t v : host.states[s])
                series.values.append(double(v));
            states.append(series);
        }
        data.series.insert(name, states);
        if (name.startsWith(QLatin1String("client")) || name == QLatin1String("localhost"))
            data.capacityHosts << name;
    }
    for (const auto& [errnoName, count] : result.summary.failed)
        data.failuresByErrno.append({fromStd(errnoName), double(count)});
    for (const core::FailureWindow& w : result.summary.failureWindows)
        data.failureWindowsMs.append({double(w.startMs), double(w.endMs)});
    if (result.summary.usablePortsPerDestination > 0)
        data.portCapacity = double(result.summary.usablePortsPerDestination) *
                            double(std::max(1, result.spec.serverPorts));
    data.summaryHtml = summaryHtml(result);
    return data;
}

QString LoadDataBuilder::summaryHtml(const core::LoadResult& result) {
    const core::LoadSummary& s = result.summary;
    const QLocale locale;
    QString html = QStringLiteral("<table cellspacing='2'>");
    const auto row = [&html](const QString& label, const QString& value) {
        html += QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("Connects attempted"), locale.toString(qulonglong(s.attempted)));
    row(tr("Succeeded"), locale.toString(qulonglong(s.succeeded)));
    for (const auto& [errnoName, count] : s.failed)
        row(tr("Failed with %1").arg(fromStd(errnoName)), locale.toString(qulonglong(count)));
    if (s.firstFailureMs)
        row(tr("First failure at"), tr("%1 s").arg(double(*s.firstFailureMs) / 1000, 0, 'f', 1));
    if (!s.failureWindows.empty())
        row(tr("Failure windows"), locale.toString(qulonglong(s.failureWindows.size())));
    for (const auto& [host, peaks] : s.peak) {
        const auto tw = peaks.find("TIME_WAIT");
        if (tw != peaks.end() && tw->second > 0)
            row(tr("Peak TIME_WAIT on %1").arg(models::hostDisplayName(host)),
                locale.toString(tw->second));
        const auto cw = peaks.find("CLOSE_WAIT");
        if (cw != peaks.end() && cw->second > 0)
            row(tr("Peak CLOSE_WAIT on %1").arg(models::hostDisplayName(host)),
                locale.toString(cw->second));
    }
    html += QStringLiteral("</table>");
    if (s.sustainableRatePerS) {
        // The counts are phrases of their own, each with its plural ("1 destination",
        // "2 destinations"; closelab_en.ts carries the English forms).
        const auto count = [](std::uint64_t n) { return int(std::min<std::uint64_t>(n, INT_MAX)); };
        html +=
            QStringLiteral("<p>%1</p>")
                .arg(tr("The ports allow about <b>%1 new connections per second</b>: %2 × "
                        "%3, each port held %4 s.")
                         .arg(locale.toString(*s.sustainableRatePerS, 'f', 1))
                         .arg(tr("%Ln usable port(s)", nullptr, count(s.usablePortsPerDestination)))
                         .arg(tr("%Ln destination(s)", nullptr, count(s.destinations)))
                         .arg(locale.toString(s.portHoldS, 'f', 2)));
    }
    const QString reason = reasonText(fromStd(s.sustainableReason));
    if (!reason.isEmpty())
        html += QStringLiteral("<p style='color:#555'>%1</p>").arg(reason.toHtmlEscaped());
    return html;
}

QString LoadDataBuilder::reasonText(const QString& reasonId) {
    QString id = reasonId;
    const bool pool = id.endsWith(QLatin1String("_pool"));
    if (pool)
        id.chop(5);
    QString text;
    if (id == QLatin1String("time_wait"))
        text = tr("Each client port stays in TIME_WAIT for 60 s after the client closes first.");
    else if (id == QLatin1String("tw_reuse"))
        text =
            tr("tcp_tw_reuse lets connect() take a TIME_WAIT port again after about a second "
               "(timestamps on both sides).");
    else if (id == QLatin1String("server_closes_first"))
        text =
            tr("The server closes first, so TIME_WAIT sits on the server's side and uses no "
               "client ports.");
    else if (id == QLatin1String("linger_zero"))
        text = tr("SO_LINGER with 0 s resets the connection: no TIME_WAIT, but data can be lost.");
    else if (id == QLatin1String("fin_wait_2"))
        text =
            tr("The server never closes: the client's orphaned FIN_WAIT_2 holds each port for "
               "tcp_fin_timeout.");
    else if (id == QLatin1String("no_time_wait"))
        text = tr("TIME_WAIT length is 0 in this run, so ports are free at once.");
    else if (id == QLatin1String("tw_buckets_cap"))
        text =
            tr("tcp_max_tw_buckets is below the port count: extra sockets skip TIME_WAIT "
               "(TCPTimeWaitOverflow).");
    else if (id == QLatin1String("pool_never_recycled"))
        text = tr("A keep-alive pool that is never recycled opens only a few connections.");
    if (pool && !text.isEmpty())
        text += u' ' + tr("The pool carries several requests per connection.");
    return text;
}

}  // namespace closelab::widgets
