import PAMScreen
import Testing

@Suite struct GeometryTests {
    let rect = Rect(x: 2, y: 1, width: 10, height: 6)

    @Test func splitsTopBottomAndLeft() {
        #expect(rect.splitTop(2).top == Rect(x: 2, y: 1, width: 10, height: 2))
        #expect(rect.splitTop(2).rest == Rect(x: 2, y: 3, width: 10, height: 4))
        #expect(rect.splitBottom(1).bottom == Rect(x: 2, y: 6, width: 10, height: 1))
        #expect(rect.splitBottom(1).rest == Rect(x: 2, y: 1, width: 10, height: 5))
        #expect(rect.splitLeft(3).left == Rect(x: 2, y: 1, width: 3, height: 6))
        #expect(rect.splitLeft(3).rest == Rect(x: 5, y: 1, width: 7, height: 6))
    }

    @Test func splitsClampToTheRectangle() {
        #expect(rect.splitTop(99).rest.isEmpty)
        #expect(rect.splitTop(-3).top.height == 0)
        #expect(rect.splitLeft(20).left.width == 10)
    }

    @Test func columnsAndRowsGiveRoundingToTheLast() {
        #expect(rect.columns([1, 1, 1]).map(\.width) == [3, 3, 4])
        #expect(rect.columns([1, 1, 1]).map(\.x) == [2, 5, 8])
        #expect(rect.rows([1, 2]).map(\.height) == [2, 4])
        #expect(rect.rows([1, 2]).map(\.y) == [1, 3])
    }

    @Test func centeredAndInset() {
        #expect(rect.centered(Size(width: 4, height: 2)) == Rect(x: 5, y: 3, width: 4, height: 2))
        #expect(rect.centered(Size(width: 40, height: 40)) == rect)
        #expect(rect.inset(by: 1) == Rect(x: 3, y: 2, width: 8, height: 4))
        #expect(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 1).isEmpty)
    }
}
