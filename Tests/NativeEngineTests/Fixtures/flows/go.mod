module example.com/flows

go 1.27
