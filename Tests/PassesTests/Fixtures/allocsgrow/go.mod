module example.com/allocsgrow

go 1.27
