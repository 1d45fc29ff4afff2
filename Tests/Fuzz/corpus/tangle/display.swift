let fig = Figure()
fig.line(x: [0, 1, 2], y: [0, 1, 4], label: "squares")
fig
%%
let t = Tensor<Double>.zeros([2, 3])
t.shape
