# Module manifest of IpHelper.PowerShell: the NetTCPIP and NetAdapter cmdlets of Windows, on Linux, over IpHelper.
# docs/powershell.md says how to build the Install-Module-ready folder and what each cmdlet does on Linux.
@{
    RootModule           = 'IpHelper.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5f0d7d1e-4c36-4d8e-9a51-6a0f4c2b9e17'
    Author               = 'IpHelper contributors'
    CompanyName          = 'IpHelper contributors'
    Copyright            = '(c) IpHelper contributors. MIT License.'
    Description          = 'Get-NetRoute, Get-NetIPAddress, Get-NetNeighbor, Get-NetIPInterface, Get-NetAdapter and the rest of NetTCPIP on Linux, through rtnetlink. -NetNamespace NAME works in a network namespace.'
    PowerShellVersion    = '7.6'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('IpHelper.PowerShell.format.ps1xml')
    TypesToProcess       = @('IpHelper.PowerShell.types.ps1xml')
    CmdletsToExport      = @(
        'Get-NetIPAddress', 'New-NetIPAddress', 'Set-NetIPAddress', 'Remove-NetIPAddress',
        'Get-NetRoute', 'New-NetRoute', 'Set-NetRoute', 'Remove-NetRoute', 'Find-NetRoute',
        'Get-NetNeighbor', 'New-NetNeighbor', 'Set-NetNeighbor', 'Remove-NetNeighbor',
        'Get-NetIPInterface', 'Set-NetIPInterface',
        'Get-NetAdapter', 'Get-NetIPConfiguration'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Linux', 'Networking', 'NetTCPIP', 'Routing', 'rtnetlink', 'PSEdition_Core')
            LicenseUri = 'https://opensource.org/licenses/MIT'
        }
    }
}
