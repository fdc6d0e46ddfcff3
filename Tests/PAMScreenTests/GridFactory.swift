import PAMScreen

/// A blank grid of `width` × `height`.
func makeGrid(_ width: Int, _ height: Int) -> CellGrid {
    CellGrid(Size(width: width, height: height))
}
