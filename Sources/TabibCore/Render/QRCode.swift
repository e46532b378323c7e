// The only file that imports libqrencode.
import CQRencode

/// The modules of a QR code as libqrencode chooses them (version, error correction M, and the best of
/// its eight masks, which is most of its work).
enum QRCode {
    /// nil only when libqrencode cannot encode the text (far longer than any URL).
    static func symbol(for text: String) -> QRSymbol? {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let data = code.pointee.data!
        var symbol = QRSymbol(width: width)
        for i in 0..<(width * width) where data[i] & 1 == 1 { symbol.setDark(i) }
        return symbol
    }

    /// libqrencode's version: a cache of symbols made by another version is not used.
    static var libraryVersion: String { String(cString: QRcode_APIVersionString()) }
}
