// The translation catalogues are complete and consistent with the sources: lupdate run on a copy
// of closelab_zh_CN.ts finds no string without a Chinese translation and no vanished entry,
// placeholders and mnemonics survive translation, and the English catalogue has every plural.
#include <QDebug>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct TsMessage {
    QString context;
    QString source;
    QString comment;
    QString type;  // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
    QStringList translations;  // one entry, or one per numerus form

    QString describe() const { return context + QStringLiteral(": \"") + source + u'"'; }
};

QList<TsMessage> parseTs(const QString& path, QString* error) {
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"name" && !inMessage) {
                context = xml.readElementText();
            } else if (name == u"message") {
                current = TsMessage{};
                current.context = context;
                current.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
                inMessage = true;
            } else if (inMessage && name == u"source") {
                current.source = xml.readElementText();
            } else if (inMessage && name == u"comment") {
                current.comment = xml.readElementText();
            } else if (inMessage && name == u"translation") {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!current.numerus)
                    current.translations << xml.readElementText();
            } else if (inMessage && name == u"numerusform") {
                current.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            messages << current;
            inMessage = false;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

// Qt's %1..%99 (with optional L), %n, and the engine's named {placeholders}.
QStringList placeholders(const QString& text) {
    static const QRegularExpression re(QStringLiteral(R"(%L?\d{1,2}|%n|\{[a-z_][a-z0-9_]*\})"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    QStringList list(found.begin(), found.end());
    list.sort();
    return list;
}

bool hasMnemonic(const QString& text) {
    static const QRegularExpression re(QStringLiteral(R"((^|[^&])&[^&\s])"));
    return re.match(text).hasMatch();
}

// QVERIFY2 truncates long messages, so the full list goes to the log and the failure says how many.
QString report(const QStringList& lines) {
    for (const QString& line : lines)
        qInfo().noquote() << "  " << line;
    return QStringLiteral("%1 item(s), listed above").arg(lines.size());
}

}  // namespace

class I18nCatalogueTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void committedChineseCatalogueHasNoOpenEntries();
    void everySourceStringHasAChineseTranslation();
    void lupdateResolvesEveryContext();
    void noHomemadeTrFunctions();
    void placeholdersSurviveTranslation();
    void mnemonicsSurviveTranslation();
    void englishPluralsHaveEveryForm();
    void compiledCatalogueTranslatesAtRunTime();

private:
    QString m_root = QStringLiteral(CLOSELAB_SOURCE_ROOT);
    QList<TsMessage> m_committed;
    QList<TsMessage> m_updated;
    QList<TsMessage> m_english;
    QString m_lupdateOutput;
};

void I18nCatalogueTest::initTestCase() {
    QString error;
    const QString zh = m_root + QStringLiteral("/translations/closelab_zh_CN.ts");
    m_committed = parseTs(zh, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(!m_committed.isEmpty(), "closelab_zh_CN.ts holds no message");
    m_english = parseTs(m_root + QStringLiteral("/translations/closelab_en.ts"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // lupdate on a copy, over exactly the files update_translations scans, keeping obsolete
    // entries so that strings which disappeared from the sources show up as vanished.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("closelab_zh_CN.ts"));
    QVERIFY(QFile::copy(zh, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(CLOSELAB_LUPDATE),
                  {QStringLiteral("-locations"), QStringLiteral("none"),
                   u'@' + QStringLiteral(CLOSELAB_LUPDATE_LIST), QStringLiteral("-ts"), copy});
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    m_lupdateOutput = QString::fromLocal8Bit(lupdate.readAll());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             qPrintable(m_lupdateOutput));
    m_updated = parseTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void I18nCatalogueTest::committedChineseCatalogueHasNoOpenEntries() {
    QStringList open;
    for (const TsMessage& m : std::as_const(m_committed)) {
        if (!m.type.isEmpty())
            open << m.type + QStringLiteral(" ") + m.describe();
    }
    QVERIFY2(open.isEmpty(),
             qPrintable(QStringLiteral("%1 open entries in closelab_zh_CN.ts:\n").arg(open.size()) +
                        report(open)));
}

void I18nCatalogueTest::everySourceStringHasAChineseTranslation() {
    QStringList missing;
    QStringList vanished;
    for (const TsMessage& m : std::as_const(m_updated)) {
        if (m.type == u"unfinished")
            missing << m.describe();
        else if (m.type == u"vanished" || m.type == u"obsolete")
            vanished << m.describe();
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 source strings have no Chinese translation (run the "
                                       "update_translations target and translate them):\n")
                            .arg(missing.size()) +
                        report(missing)));
    QVERIFY2(vanished.isEmpty(),
             qPrintable(QStringLiteral("%1 entries of closelab_zh_CN.ts no longer exist in the "
                                       "sources (update_translations drops them):\n")
                            .arg(vanished.size()) +
                        report(vanished)));
}

void I18nCatalogueTest::lupdateResolvesEveryContext() {
    // An unresolved class makes lupdate file tr() strings under a context that tr() never asks
    // for at run time, so the translation would silently never show.
    QStringList problems;
    for (const QString& line : m_lupdateOutput.split(u'\n')) {
        if (line.contains(QLatin1String("unknown namespace/class")) ||
            line.contains(QLatin1String("Cannot invoke tr()")))
            problems << line.trimmed();
    }
    QVERIFY2(problems.isEmpty(), qPrintable(report(problems)));
}

void I18nCatalogueTest::noHomemadeTrFunctions() {
    // lupdate treats every call named tr() as the class's tr(): a free function or lambda called
    // tr() that passes its own context to QCoreApplication::translate() gets its strings filed
    // under the namespace instead, so they are never translated at run time.
    QFile list(QStringLiteral(CLOSELAB_LUPDATE_LIST));
    QVERIFY(list.open(QIODevice::ReadOnly));
    static const QRegularExpression homemade(
        QStringLiteral(R"(^[ \t]*(static\s+|inline\s+)*QString\s+tr\s*\(|\btr\s*=\s*\[)"),
        QRegularExpression::MultilineOption);
    QStringList offenders;
    for (const QByteArray& line : list.readAll().split('\n')) {
        const QString path = QString::fromLocal8Bit(line.trimmed());
        if (path.isEmpty() || path.startsWith(QLatin1String("-I")))
            continue;
        QFile source(path);
        if (!source.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(source.readAll());
        for (auto it = homemade.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            offenders << QStringLiteral("%1:%2: %3")
                             .arg(path)
                             .arg(text.left(m.capturedStart()).count(u'\n') + 1)
                             .arg(m.captured().trimmed());
        }
    }
    QVERIFY2(offenders.isEmpty(), qPrintable(report(offenders)));
}

void I18nCatalogueTest::placeholdersSurviveTranslation() {
    QStringList broken;
    for (const TsMessage& m : std::as_const(m_committed)) {
        if (!m.type.isEmpty())
            continue;
        const QStringList expected = placeholders(m.source);
        for (const QString& translation : m.translations) {
            if (placeholders(translation) != expected)
                broken << m.describe() + QStringLiteral(" -> \"") + translation + u'"';
        }
    }
    QVERIFY2(broken.isEmpty(), qPrintable(report(broken)));
}

void I18nCatalogueTest::mnemonicsSurviveTranslation() {
    QStringList lost;
    for (const TsMessage& m : std::as_const(m_committed)) {
        if (m.type.isEmpty() && hasMnemonic(m.source) && !m.translations.isEmpty() &&
            !hasMnemonic(m.translations.first()))
            lost << m.describe() + QStringLiteral(" -> \"") + m.translations.first() + u'"';
    }
    QVERIFY2(lost.isEmpty(), qPrintable(report(lost)));
}

void I18nCatalogueTest::englishPluralsHaveEveryForm() {
    // Every %n string in the sources needs its English singular and plural.
    QSet<QString> englishNumerus;
    QStringList incomplete;
    for (const TsMessage& m : std::as_const(m_english)) {
        if (!m.numerus)
            continue;
        englishNumerus.insert(m.context + u'\x1f' + m.source);
        if (m.type == u"unfinished" || m.translations.size() != 2 ||
            m.translations.contains(QString()))
            incomplete << m.describe();
    }
    for (const TsMessage& m : std::as_const(m_updated)) {
        if (m.numerus && m.type != u"vanished" && m.type != u"obsolete" &&
            !englishNumerus.contains(m.context + u'\x1f' + m.source))
            incomplete << QStringLiteral("missing from closelab_en.ts: ") + m.describe();
    }
    QVERIFY2(incomplete.isEmpty(), qPrintable(report(incomplete)));
}

void I18nCatalogueTest::compiledCatalogueTranslatesAtRunTime() {
    QTranslator translator;
    QVERIFY2(translator.load(QStringLiteral(":/i18n/closelab_zh_CN.qm")),
             "the zh_CN catalogue is not embedded under :/i18n");
    int checked = 0;
    for (const TsMessage& m : std::as_const(m_committed)) {
        if (!m.type.isEmpty() || m.numerus)
            continue;
        const QString got =
            translator.translate(m.context.toUtf8().constData(), m.source.toUtf8().constData(),
                                 m.comment.isEmpty() ? nullptr : m.comment.toUtf8().constData());
        QCOMPARE(got, m.translations.first());
        ++checked;
    }
    QVERIFY(checked > 0);
}

QTEST_GUILESS_MAIN(I18nCatalogueTest)
#include "i18n_catalogue_test.moc"
