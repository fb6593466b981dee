#include "models/language_manager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace closelab::models {

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}

LanguageManager::~LanguageManager() {
    removeTranslators();
}

QString LanguageManager::catalogueFile(const QString& code) {
    // Embedded by src/models/content.cmake (lrelease + qt_add_resources).
    return QStringLiteral(":/i18n/closelab_%1.qm").arg(code);
}

QStringList LanguageManager::supportedLanguages() {
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString LanguageManager::nativeName(const QString& code) {
    // Endonyms on purpose: a user who cannot read the current language must still find theirs.
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return code;
}

QString LanguageManager::languageForLocale(const QString& localeName) {
    // Only Simplified Chinese is shipped, so every Chinese locale gets it (zh_TW readers can
    // read it; English would help them less).
    QString name = localeName.trimmed();
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (name.compare(QLatin1String("zh"), Qt::CaseInsensitive) == 0 ||
        name.startsWith(QLatin1String("zh_"), Qt::CaseInsensitive))
        return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

bool LanguageManager::isSupported(const QString& code) {
    return supportedLanguages().contains(code);
}

QString LanguageManager::initialLanguage() {
    const QSettings settings;
    const QString saved = settings.value(QLatin1String(kSettingsKey)).toString();
    if (isSupported(saved))
        return saved;
    // First start (or a hand-edited, invalid value): follow the system's UI language.
    const QStringList uiLanguages = QLocale::system().uiLanguages();
    return languageForLocale(uiLanguages.isEmpty() ? QLocale::system().name()
                                                   : uiLanguages.first());
}

bool LanguageManager::restore() {
    return setLanguage(initialLanguage(), false);
}

bool LanguageManager::setLanguage(const QString& code, bool remember) {
    if (!isSupported(code)) {
        m_error = tr("Unknown language '%1'; choose one of: %2.")
                      .arg(code, supportedLanguages().join(QLatin1String(", ")));
        return false;
    }
    auto* own = new QTranslator(this);
    const bool ownLoaded = own->load(catalogueFile(code));
    // English is the source language: its catalogue only adds plural forms, so it is optional.
    if (!ownLoaded && code != QLatin1String("en")) {
        delete own;
        m_error =
            tr("The translation catalogue %1 is missing from this build.").arg(catalogueFile(code));
        return false;
    }
    QTranslator* qtBase = nullptr;
    if (code != QLatin1String("en")) {
        qtBase = new QTranslator(this);
        // Installed by Debian's qt6-translations-l10n; absence only leaves Qt's dialogs English.
        if (!qtBase->load(QStringLiteral("qtbase_") + code,
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            delete qtBase;
            qtBase = nullptr;
        }
    }

    removeTranslators();
    m_qtBaseLoaded = qtBase != nullptr;
    QLocale::setDefault(QLocale(code == QLatin1String("en") ? QStringLiteral("en_US") : code));
    for (QTranslator* translator : {qtBase, ownLoaded ? own : nullptr}) {
        if (translator && QCoreApplication::installTranslator(translator))
            m_installed.append(translator);
    }
    if (!ownLoaded)
        delete own;

    if (remember) {
        QSettings settings;
        settings.setValue(QLatin1String(kSettingsKey), code);
    }
    m_error.clear();
    if (m_language != code) {
        m_language = code;
        emit languageChanged(code);
    }
    return true;
}

void LanguageManager::removeTranslators() {
    for (QTranslator* translator : std::as_const(m_installed)) {
        if (QCoreApplication::instance())
            QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    m_installed.clear();
}

}  // namespace closelab::models
