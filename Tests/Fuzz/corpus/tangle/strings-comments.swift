let s = """
  multi { line } \(1 + 2)
  """
let r = #"raw \(no) "quote""#
let t = "a\(["}": 1].count)b"
/* outer /* nested */ still */
print(s, r, t) // done
