print("heapsight: under construction")
