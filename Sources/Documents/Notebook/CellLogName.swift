/// The file a cell's full printed text goes to when it is too long to show inline: named in
/// the note the report shows, and published as `output/<notebook>/<logFileName>`. One name for
/// both, made from the label by the sanitiser every name taken from notebook text goes through.
extension Cell {
    public var logFileName: String {
        "cell-" + SafeFileName.stem(options.label ?? String(index), fallback: String(index)) + ".log"
    }
}
