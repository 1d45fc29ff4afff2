func f(_ a: Int) -> Int {
    return a + 1
}
struct P { var a = 1 }
let p = P()
print(f(p.a))
