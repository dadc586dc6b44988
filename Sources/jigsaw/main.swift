import JigsawCLI

await JigsawMain.run()
