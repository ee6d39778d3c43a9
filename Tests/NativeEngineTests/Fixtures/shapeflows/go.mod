module example.com/shapeflows

go 1.27
