#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class QTranslator;

namespace closelab::models {

// Owns the application's translators and switches the user-interface language at run time.
// Installing a translator makes QCoreApplication post QEvent::LanguageChange to every widget,
// so each view retranslates itself in changeEvent(); QML views must also call
// QQmlEngine::retranslate() when languageChanged() is emitted.
class LanguageManager : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)

public:
    // The QSettings key that remembers the user's choice.
    static constexpr const char* kSettingsKey = "ui/language";

    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    // Language codes closelab ships: "en" and "zh_CN".
    static QStringList supportedLanguages();
    // A language's name in that language ("English", "简体中文"), for the language menu.
    static QString nativeName(const QString& code);
    // Maps a locale name such as "zh_Hans_CN", "zh-CN", "zh_SG" or "de_DE" to a supported code
    // ("zh_CN" for any Chinese locale, "en" otherwise).
    static QString languageForLocale(const QString& localeName);
    // True when `code` is exactly one of supportedLanguages().
    static bool isSupported(const QString& code);

    // The language that start-up should use: the remembered choice if there is a valid one,
    // otherwise the system locale (first start).
    static QString initialLanguage();

    // The embedded catalogue of `code` (":/i18n/closelab_zh_CN.qm"). Readable before a
    // QCoreApplication exists, so start-up errors can be translated without a display.
    static QString catalogueFile(const QString& code);

    // The language currently installed ("" before the first successful setLanguage()).
    QString language() const { return m_language; }

    // Installs the translators for `code` (replacing the previous ones), remembers the choice
    // in QSettings when `remember` is true, and emits languageChanged() if the language changed.
    // Returns false, with errorString() naming the problem, for an unknown code or a missing
    // catalogue; the previous language then stays installed.
    bool setLanguage(const QString& code, bool remember = true);

    // Applies initialLanguage() without writing the settings.
    bool restore();

    // True when Qt's own catalogue (qtbase_<code>.qm from QLibraryInfo::TranslationsPath) was
    // found for the current language; standard dialogs stay English without it.
    bool hasQtBaseTranslation() const { return m_qtBaseLoaded; }

    QString errorString() const { return m_error; }

signals:
    void languageChanged(const QString& code);

private:
    void removeTranslators();

    QString m_language;
    QString m_error;
    QList<QTranslator*> m_installed;
    bool m_qtBaseLoaded = false;
};

}  // namespace closelab::models
