// LanguageManager, the glossary and the option help texts.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include "core/error.h"
#include "core/options.h"
#include "models/app_info.h"
#include "models/glossary.h"
#include "models/language_manager.h"
#include "models/note_text.h"
#include "models/option_help.h"

using closelab::models::Glossary;
using closelab::models::LanguageManager;
using closelab::models::OptionHelp;

class I18nContentTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void localesMapToShippedLanguages_data();
    void localesMapToShippedLanguages();
    void unknownLanguageIsRefusedAndNothingChanges();
    void switchingTranslatesAndEmitsOnce();
    void qtOwnDialogsFollow();
    void choiceIsRememberedButRestoreDoesNotWrite();
    void glossaryFindsEverySpelling_data();
    void glossaryFindsEverySpelling();
    void glossaryEntriesAreBilingualAndLinked();
    void linkifyWrapsTermsOutsideTagsLongestFirst();
    void linkifyFindsChineseTermsInChineseText();
    void glossaryDocumentListsEveryEntryInBothLanguages();
    void everyRegistryOptionHasHelp();
    void builtInScenariosAreBilingual();
    void optionHelpSaysWhatDefaultAndFolklore();
    void absentOptionReasonIsTranslated();

private:
    LanguageManager* m_languages = nullptr;
};

void I18nContentTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_languages = new LanguageManager(this);
}

void I18nContentTest::cleanup() {
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
}

void I18nContentTest::localesMapToShippedLanguages_data() {
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("language");
    QTest::newRow("zh_CN") << "zh_CN"
                           << "zh_CN";
    QTest::newRow("zh-Hans-CN") << "zh-Hans-CN"
                                << "zh_CN";
    QTest::newRow("zh_SG") << "zh_SG"
                           << "zh_CN";
    QTest::newRow("zh") << "zh"
                        << "zh_CN";
    QTest::newRow("en_US") << "en_US"
                           << "en";
    QTest::newRow("de_DE") << "de_DE"
                           << "en";
    QTest::newRow("C") << "C"
                       << "en";
    QTest::newRow("empty") << ""
                           << "en";
}

void I18nContentTest::localesMapToShippedLanguages() {
    QFETCH(QString, locale);
    QFETCH(QString, language);
    QCOMPARE(LanguageManager::languageForLocale(locale), language);
}

void I18nContentTest::unknownLanguageIsRefusedAndNothingChanges() {
    QSignalSpy spy(m_languages, &LanguageManager::languageChanged);
    QVERIFY(!m_languages->setLanguage(QStringLiteral("fr")));
    QVERIFY(m_languages->errorString().contains(QLatin1String("fr")));
    QCOMPARE(m_languages->language(), QStringLiteral("en"));
    QCOMPARE(spy.count(), 0);
}

void I18nContentTest::switchingTranslatesAndEmitsOnce() {
    const QString english = closelab::models::applicationTitle();
    QSignalSpy spy(m_languages, &LanguageManager::languageChanged);
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().toString(), QStringLiteral("zh_CN"));
    QVERIFY(closelab::models::applicationTitle() != english);
    QVERIFY(closelab::models::applicationTitle().contains(QStringLiteral("挥手")));
    // Setting the same language again changes nothing and says nothing.
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
    QCOMPARE(spy.count(), 1);
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(closelab::models::applicationTitle(), english);
}

void I18nContentTest::qtOwnDialogsFollow() {
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
    QVERIFY2(m_languages->hasQtBaseTranslation(),
             "qtbase_zh_CN.qm not found (Debian package qt6-translations-l10n)");
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
}

void I18nContentTest::choiceIsRememberedButRestoreDoesNotWrite() {
    QSettings().clear();
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN")));
    QCOMPARE(QSettings().value(QLatin1String(LanguageManager::kSettingsKey)).toString(),
             QStringLiteral("zh_CN"));
    QCOMPARE(LanguageManager::initialLanguage(), QStringLiteral("zh_CN"));
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    QVERIFY(m_languages->restore());
    QCOMPARE(m_languages->language(), QStringLiteral("zh_CN"));
    // A hand-edited, invalid value falls back to the system locale instead of failing.
    QSettings().setValue(QLatin1String(LanguageManager::kSettingsKey), QStringLiteral("xx"));
    QVERIFY(LanguageManager::isSupported(LanguageManager::initialLanguage()));
    QSettings().clear();
}

void I18nContentTest::glossaryFindsEverySpelling_data() {
    QTest::addColumn<QString>("spelling");
    QTest::addColumn<QString>("id");
    QTest::newRow("state") << "TIME_WAIT"
                           << "time-wait";
    QTest::newRow("ss spelling") << "TIME-WAIT"
                                 << "time-wait";
    QTest::newRow("netstat spelling") << "FIN_WAIT2"
                                      << "fin-wait-2";
    QTest::newRow("id") << "close-wait"
                        << "close-wait";
    QTest::newRow("english term") << "Four-way close"
                                  << "four-way-close";
    QTest::newRow("chinese term") << "四次挥手"
                                  << "four-way-close";
    QTest::newRow("chinese term 2") << "迷途报文"
                                    << "stray-segment";
    QTest::newRow("alias") << "4-tuple"
                           << "four-tuple";
    QTest::newRow("errno") << "EADDRNOTAVAIL"
                           << "eaddrnotavail";
    QTest::newRow("unknown") << "no such term"
                             << "";
}

void I18nContentTest::glossaryFindsEverySpelling() {
    QFETCH(QString, spelling);
    QFETCH(QString, id);
    QCOMPARE(Glossary::idFor(spelling), id);
}

void I18nContentTest::glossaryEntriesAreBilingualAndLinked() {
    const QStringList ids = Glossary::ids();
    QVERIFY(ids.size() >= 30);
    static const QRegularExpression identifier(QStringLiteral("^[A-Z_0-9]+$"));
    for (const QString& id : ids) {
        const auto e = Glossary::entry(id);
        QVERIFY2(e, qPrintable(id));
        QVERIFY2(!e->definition.isEmpty(), qPrintable(id));
        // Names that stay in Latin letters in Chinese too: states, flags, errno names, PAWS.
        if (!identifier.match(e->englishTerm).hasMatch())
            QVERIFY2(e->chineseTerm != e->englishTerm, qPrintable(id + u" has no Chinese term"));
        for (const QString& other : e->seeAlso)
            QVERIFY2(Glossary::entry(other), qPrintable(id + u" links to unknown " + other));
        QVERIFY(!Glossary::entryHtml(id).isEmpty());
    }
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
    const auto zh = Glossary::entry(QStringLiteral("four-way-close"));
    QCOMPARE(zh->term, QStringLiteral("四次挥手"));
    QCOMPARE(Glossary::otherLanguageTerm(*zh), QStringLiteral("four-way close"));
    QVERIFY(
        Glossary::entryHtml(QStringLiteral("time-wait")).contains(QStringLiteral("主动关闭方")));
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    const auto en = Glossary::entry(QStringLiteral("four-way-close"));
    QCOMPARE(en->term, QStringLiteral("four-way close"));
    QCOMPARE(Glossary::otherLanguageTerm(*en), QStringLiteral("四次挥手"));
}

void I18nContentTest::linkifyWrapsTermsOutsideTagsLongestFirst() {
    const QString html = Glossary::linkify(
        QStringLiteral("<b>FIN_WAIT_2</b> then TIME-WAIT; <a href=\"x\">TIME_WAIT</a> and "
                       "tcp_tw_reuse, not net.ipv4.tcp_fin_timeout"));
    QVERIFY2(html.contains(QStringLiteral("<a href=\"glossary:fin-wait-2\">FIN_WAIT_2</a>")),
             qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("<a href=\"glossary:time-wait\">TIME-WAIT</a>")),
             qPrintable(html));
    // Existing links and attribute values are left alone.
    QVERIFY2(html.contains(QStringLiteral("<a href=\"x\">TIME_WAIT</a>")), qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("<a href=\"glossary:tcp_tw_reuse\">tcp_tw_reuse</a>")),
             qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral(
                 "<a href=\"glossary:net.ipv4.tcp_fin_timeout\">net.ipv4.tcp_fin_timeout</a>")),
             qPrintable(html));
    QVERIFY(!Glossary::entryHtml(QStringLiteral("tcp_tw_reuse")).isEmpty());
}

void I18nContentTest::linkifyFindsChineseTermsInChineseText() {
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
    const QString html = Glossary::linkify(QStringLiteral("这是四次挥手的最后一步"));
    QVERIFY2(html.contains(QStringLiteral("<a href=\"glossary:four-way-close\">四次挥手</a>")),
             qPrintable(html));
}

void I18nContentTest::glossaryDocumentListsEveryEntryInBothLanguages() {
    QFile file(QStringLiteral(CLOSELAB_SOURCE_ROOT "/docs/glossary.md"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString doc = QString::fromUtf8(file.readAll());
    for (const QString& id : Glossary::ids()) {
        const auto e = Glossary::entry(id);
        const QString row = QStringLiteral("| %1 | %2 |").arg(e->englishTerm, e->chineseTerm);
        QVERIFY2(doc.contains(row), qPrintable(u"docs/glossary.md lacks " + row));
    }
}

void I18nContentTest::everyRegistryOptionHasHelp() {
    QStringList missing;
    for (const auto& spec : closelab::core::optionRegistry()) {
        const QString name = QString::fromUtf8(spec.name.data(), qsizetype(spec.name.size()));
        if (!OptionHelp::has(name))
            missing << name;
    }
    QVERIFY2(missing.isEmpty(), qPrintable(u"no help for: " + missing.join(u", ")));
}

void I18nContentTest::builtInScenariosAreBilingual() {
    // Built-ins carry title, description and lesson in both languages (issue 6); a user's file
    // may have one language only and falls back to it, but ours must not rely on that.
    const QDir dir(QStringLiteral(CLOSELAB_SOURCE_ROOT "/resources/scenarios"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(!files.isEmpty());
    static const QRegularExpression cjk(QStringLiteral("[\\x{4E00}-\\x{9FFF}]"));
    QStringList problems;
    for (const QString& name : files) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(name));
        for (const char* key : {"title", "description", "lesson"}) {
            const QJsonObject text = root.value(QLatin1String(key)).toObject();
            const QString en = text.value(QLatin1String("en")).toString();
            const QString zh = text.value(QLatin1String("zh_CN")).toString();
            if (en.isEmpty() || cjk.match(en).hasMatch())
                problems << name + u' ' + QLatin1String(key) + QStringLiteral(": no English");
            if (zh.isEmpty() || !cjk.match(zh).hasMatch())
                problems << name + u' ' + QLatin1String(key) + QStringLiteral(": no Chinese");
        }
        // Lesson beats: 3-8 per built-in, each caption (and any speaker notes) in both.
        const QJsonArray beats = root.value(QLatin1String("beats")).toArray();
        if (beats.size() < 3 || beats.size() > 8)
            problems << name + QStringLiteral(": %1 beats (3-8 expected)").arg(beats.size());
        for (qsizetype i = 0; i < beats.size(); ++i) {
            const QJsonObject beat = beats.at(i).toObject();
            for (const char* key : {"caption", "notes"}) {
                if (!beat.contains(QLatin1String(key)) && qstrcmp(key, "notes") == 0)
                    continue;
                const QJsonObject text = beat.value(QLatin1String(key)).toObject();
                const QString en = text.value(QLatin1String("en")).toString();
                const QString zh = text.value(QLatin1String("zh_CN")).toString();
                const QString where =
                    name + QStringLiteral(" beat %1 ").arg(i + 1) + QLatin1String(key);
                if (en.isEmpty() || cjk.match(en).hasMatch())
                    problems << where + QStringLiteral(": no English");
                if (zh.isEmpty() || !cjk.match(zh).hasMatch())
                    problems << where + QStringLiteral(": no Chinese");
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void I18nContentTest::optionHelpSaysWhatDefaultAndFolklore() {
    for (const QString& name : OptionHelp::names()) {
        QVERIFY2(!OptionHelp::what(name).isEmpty(), qPrintable(name));
        QVERIFY2(!OptionHelp::defaultText(name).isEmpty(), qPrintable(name));
        QVERIFY2(!OptionHelp::source(name).isEmpty(), qPrintable(name));
    }
    // The folklore the seeds repeat is answered where it belongs.
    QVERIFY(OptionHelp::folklore(QStringLiteral("tcp_fin_timeout")).contains(u"TIME_WAIT"));
    QVERIFY(OptionHelp::folklore(QStringLiteral("net.ipv4.tcp_tw_recycle")).contains(u"NAT"));
    QVERIFY(OptionHelp::has(QStringLiteral("tcp_tw_reuse")));
    QVERIFY(!OptionHelp::has(QStringLiteral("tcp_no_such_option")));
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
    QVERIFY(OptionHelp::html(QStringLiteral("SO_LINGER")).contains(QStringLiteral("默认值")));
}

QTEST_GUILESS_MAIN(I18nContentTest)
void I18nContentTest::absentOptionReasonIsTranslated() {
    // The reason why an option is absent from a profile is a {why} argument of the error: it
    // must be shown in the user's language, not spliced into the Chinese sentence in English.
    const auto messageFor = [] {
        try {
            closelab::core::parseOptionValue("net.ipv4.tcp_tw_recycle", "1",
                                             closelab::core::KernelProfile::Linux6);
        } catch (const closelab::core::InputError& e) {
            return closelab::models::errorMessage(e);
        }
        return QString();
    };
    const QString english = messageFor();
    QVERIFY(english.contains(QStringLiteral("removed in Linux 4.12")));
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
    const QString chinese = messageFor();
    QVERIFY2(!chinese.contains(QStringLiteral("removed in")), qPrintable(chinese));
    QVERIFY2(chinese.contains(QStringLiteral("4.12")), qPrintable(chinese));
}

#include "i18n_content_test.moc"
