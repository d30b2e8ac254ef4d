package ui

func (m *mainWindow) newClaim()        {}
func (m *mainWindow) newCounterClaim() {}
func (m *mainWindow) linkExisting()    {}
