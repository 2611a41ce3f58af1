import App
import ArgumentParser
print("hi")
