import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Errors of the operating system and of Foundation's file calls in Russian: their own texts
/// («No such file or directory», «The operation could not be completed») are English.
public enum SystemErrorText {
    /// An `errno` value.
    public static func russian(errno code: Int32) -> String {
        switch code {
        case ENOENT: "файл или каталог не найден"
        case EACCES, EPERM: "нет прав доступа"
        case EISDIR: "это каталог, а не файл"
        case ENOTDIR: "часть пути не является каталогом"
        case EEXIST: "файл уже существует"
        case ENOSPC: "на диске не осталось места"
        case EROFS: "файловая система доступна только для чтения"
        case EIO: "ошибка ввода-вывода"
        case EMFILE, ENFILE: "открыто слишком много файлов"
        case ENAMETOOLONG: "слишком длинное имя файла"
        case EBUSY: "файл занят"
        default: "системная ошибка № \(code)"
        }
    }

    /// A Foundation or POSIX error (the cause it wraps when there is one).
    public static func russian(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain
        {
            return russian(errno: Int32(underlying.code))
        }
        if nsError.domain == NSPOSIXErrorDomain { return russian(errno: Int32(nsError.code)) }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "файл не найден"
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "нет прав доступа"
            case NSFileWriteOutOfSpaceError: return "на диске не осталось места"
            case NSFileWriteVolumeReadOnlyError: return "файловая система доступна только для чтения"
            case NSFileWriteFileExistsError: return "файл уже существует"
            case NSFileReadCorruptFileError: return "файл повреждён"
            case NSFileReadInapplicableStringEncodingError: return "неверная кодировка файла"
            case NSFileReadUnknownError: return "не удалось прочитать файл (например, это каталог)"
            case NSFileWriteUnknownError: return "не удалось записать файл"
            default: return "ошибка файловой операции (код \(nsError.code))"
            }
        }
        return "системная ошибка (\(nsError.domain), код \(nsError.code))"
    }
}
