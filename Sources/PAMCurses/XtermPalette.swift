/// xterm's default palette, to send indexed theme colours to a direct-colour terminal as RGB.
enum XtermPalette {
    private static let base: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func rgb(ofIndexed index: Int) -> (UInt8, UInt8, UInt8) {
        switch index {
        case ..<0: return base[0]
        case 0..<16: return base[index]
        case 16..<232:
            let cube = index - 16
            func level(_ step: Int) -> UInt8 { step == 0 ? 0 : UInt8(55 + step * 40) }
            return (level(cube / 36), level(cube / 6 % 6), level(cube % 6))
        default:
            let grey = UInt8(8 + (min(index, 255) - 232) * 10)
            return (grey, grey, grey)
        }
    }
}
