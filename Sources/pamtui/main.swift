import PAMCLI

await PamtuiMain.main()
